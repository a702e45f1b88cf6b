import type { Certificate } from '../../../contract/security.ts';
import { useState } from 'react';
import { query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { PartySelect } from '../ui/PartySelect.tsx';
import { keepsCertificates } from '../ui/roles.ts';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { CertificateRow } from './CertificateRow.tsx';
import { ImportCertificateForm } from './ImportCertificateForm.tsx';
import { TrustedCasSection } from './TrustedCasSection.tsx';
import { DataTable } from '../ui/DataTable.tsx';

/** ISM-7: a party's certificate register (mine by default; another party's to verify), the PEM import, the out-of-band verification and the trusted CAs. */
export function CertificatesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  useTitle(t('certificates.title'));
  const [party, setParty] = useState(user.party);
  const list = useGet<{ items: Certificate[] }>('/certificates' + query({ party }));
  const items = list.data?.items ?? [];
  const keeper = keepsCertificates(user);
  const own = party === user.party;

  function replace(c: Certificate) {
    if (list.data) list.setData({ items: list.data.items.map((x) => (x.id === c.id ? c : x)) });
  }

  return (
    <section className="page" aria-labelledby="certificates-title">
      <h1 id="certificates-title">{t('certificates.title')}</h1>
      <div className="filters">
        <PartySelect value={party} onChange={setParty} label={t('certificates.register')} />
      </div>
      <FormError error={list.error} />
      {items.length === 0 ? (
        <p className="empty">{list.loading ? t('common.loading') : t('certificates.empty')}</p>
      ) : (
        <DataTable
          caption={t('certificates.title')}
          columns={[
            t('certificates.name'),
            t('certificates.subject'),
            t('certificates.state'),
            t('certificates.notAfter'),
            t('certificates.fingerprint'),
            t('certificates.verification'),
          ]}
          actions={t('assets.actions')}
        >
          {items.map((c) => (
            <CertificateRow key={c.id} certificate={c} mayVerify={keeper} keeps={keeper && own} onChanged={replace} />
          ))}
        </DataTable>
      )}
      {keeper && own && <ImportCertificateForm onCreated={() => void list.reload()} />}
      <TrustedCasSection />
    </section>
  );
}
