import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import type { Proposal } from './types.ts';

/** One proposal: what it changes, who decided what, and the decisions the reader's party may take. */
export function ProposalRow({ proposal: p, onChanged }: { proposal: Proposal; onChanged(): void }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const admin = user.roles.includes('party_admin');
  const awaited =
    admin &&
    p.status === 'proposed' &&
    p.awaitedParties.includes(user.party) &&
    !p.decisions.some((d) => d.party === user.party);
  const withdraws = admin && p.status === 'proposed' && p.proposedByParty === user.party;

  async function act(action: 'accept' | 'refuse' | 'withdraw') {
    setError(null);
    try {
      await api.post(`/agreement/proposals/${p.id}/${action}`, action === 'accept' ? {} : { reason });
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  const { kind: _kind, ...change } = p.change;
  return (
    <li className="card" aria-label={t(`agreement.kinds.${p.kind}`)}>
      <p>
        <strong>{t(`agreement.kinds.${p.kind}`)}</strong> — {p.party}{' '}
        <span className={`badge badge--status badge--${p.status}`}>{t(`agreement.status.${p.status}`)}</span>
        {p.version !== null && <span className="muted"> {t('agreement.version', { version: p.version })}</span>}
      </p>
      <p className="muted">
        {t('agreement.proposedBy', { party: p.proposedByParty, name: p.proposedBy.name, at: formatDate(p.createdAt) })}{' '}
        {t('agreement.from', { date: p.effectiveFrom })}
      </p>
      {p.reason && <p>{p.reason}</p>}
      <details>
        <summary>{t('agreement.change')}</summary>
        <pre>{JSON.stringify(change, null, 2)}</pre>
      </details>
      <ul>
        {p.awaitedParties.map((party) => {
          const d = p.decisions.find((x) => x.party === party);
          return (
            <li key={party}>
              {party}:{' '}
              {d
                ? `${t(`agreement.decision.${d.decision}`)} (${d.byName}, ${formatDate(d.at)})${d.reason ? ` — ${d.reason}` : ''}`
                : t('agreement.awaited')}
            </li>
          );
        })}
      </ul>
      {p.closedReason && <p>{t('agreement.closedReason', { reason: p.closedReason })}</p>}
      {(awaited || withdraws) && (
        <div className="form-row">
          <label>
            {t('agreement.reason')} <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          {awaited && (
            <>
              <button type="button" className="btn btn--primary" onClick={() => void act('accept')}>
                {t('agreement.accept')}
              </button>
              <button type="button" className="btn" onClick={() => void act('refuse')}>
                {t('agreement.refuse')}
              </button>
            </>
          )}
          {withdraws && (
            <button type="button" className="btn" onClick={() => void act('withdraw')}>
              {t('agreement.withdraw')}
            </button>
          )}
        </div>
      )}
      <FormError error={error} />
    </li>
  );
}
