import type { TrustedCa } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { TrustedCaForm } from './TrustedCaForm.tsx';
import { DataTable } from '../ui/DataTable.tsx';

/** ISM-7: the certification authorities on the list and which parties trust each; an administrator adds one, or trusts one for their party. */
export function TrustedCasSection() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const cas = useGet<{ items: TrustedCa[] }>('/trusted-cas');
  const [error, setError] = useState<unknown>(null);
  const isAdmin = user.roles.includes('party_admin');

  async function trust(id: string) {
    setError(null);
    try {
      await api.post(`/trusted-cas/${id}/trust`);
      await cas.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  const items = cas.data?.items ?? [];
  return (
    <section className="card block" aria-labelledby="cas-title">
      <h2 id="cas-title">{t('certificates.cas')}</h2>
      <FormError error={error ?? cas.error} />
      {items.length === 0 ? (
        <p className="muted">{cas.loading ? t('common.loading') : t('certificates.casEmpty')}</p>
      ) : (
        <DataTable
          className="grid grid--compact"
          caption={t('certificates.cas')}
          columns={[
            t('certificates.name'),
            t('certificates.subject'),
            t('certificates.notAfter'),
            t('certificates.trustedBy'),
          ]}
          actions={t('assets.actions')}
        >
          {items.map((ca) => (
            <tr key={ca.id}>
              <th scope="row">{ca.name}</th>
              <td className="mono small">{ca.subject}</td>
              <td className="nowrap">{formatDate(ca.notAfter)}</td>
              <td>
                {ca.trustedBy.join(', ') || '—'}
                {ca.trustedByAll && (
                  <>
                    {' '}
                    <span className="badge badge--task-done">{t('certificates.trustedByAll')}</span>
                  </>
                )}
              </td>
              <td>
                {isAdmin && !ca.trustedBy.includes(user.party) && (
                  <button type="button" className="btn" onClick={() => void trust(ca.id)}>
                    {t('certificates.trust', { party: user.party })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {isAdmin && <TrustedCaForm onAdded={() => void cas.reload()} />}
    </section>
  );
}
