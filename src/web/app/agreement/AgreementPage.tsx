import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { ProposalRow } from './ProposalRow.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import type { Proposal } from './types.ts';

/** SNC 10.2: the common agreement's proposals, decisions and versions, seen by every party. */
export function AgreementPage() {
  const { t } = useI18n();
  const { user } = useSession();
  useTitle(t('agreement.title'));
  const list = useGet<{ items: Proposal[] }>('/agreement/proposals');
  const items = list.data?.items ?? [];
  const open = items.filter((p) => p.status === 'proposed' || p.status === 'accepted');
  const closed = items.filter((p) => p.status !== 'proposed' && p.status !== 'accepted');
  const reload = () => void list.reload();
  return (
    <section className="page" aria-labelledby="agreement-title">
      <div className="page-head">
        <h1 id="agreement-title">{t('agreement.title')}</h1>
      </div>
      <p className="hint">{t('agreement.intro')}</p>
      <FormError error={list.error} />
      <h2>{t('agreement.open')}</h2>
      {open.length === 0 ? (
        <p className="empty">{list.loading ? t('common.loading') : t('agreement.none')}</p>
      ) : (
        <ul className="proposal-list">
          {open.map((p) => (
            <ProposalRow key={p.id} proposal={p} onChanged={reload} />
          ))}
        </ul>
      )}
      {user.roles.includes('party_admin') && <ProposeForm onProposed={reload} />}
      <h2>{t('agreement.history')}</h2>
      {closed.length === 0 ? (
        <p className="empty">{t('agreement.none')}</p>
      ) : (
        <ul className="proposal-list">
          {closed.map((p) => (
            <ProposalRow key={p.id} proposal={p} onChanged={reload} />
          ))}
        </ul>
      )}
    </section>
  );
}
