import type { AccessReview } from '../../../contract/security.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { SensitivityBadge } from '../ui/badges.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { AccessDecisionForm } from './AccessDecisionForm.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

/** One access review: every account with its decision; administrators decide and close. */
export function AccessReviewDetail({ id, runs, onChanged }: { id: string; runs: boolean; onChanged(): void }) {
  const { t, formatDate } = useI18n();
  const review = useGet<AccessReview>(`/access-reviews/${id}`);
  const { busy, error, run } = useRun();

  async function post(path: string, body: Record<string, unknown> = {}) {
    await run(async () => {
      review.setData(await api.post<AccessReview>(path, body));
      onChanged();
    });
  }

  const r = review.data;
  if (!r) return <FormError error={review.error} />;
  const open = r.status === 'open';
  return (
    <section className="card block" aria-labelledby="review-title">
      <h2 id="review-title">{t('accessReviews.reviewOf', { at: formatDate(r.startedAt) })}</h2>
      <p>{t('accessReviews.progress', { undecided: r.undecided, accounts: r.accounts })}</p>
      <FormError error={error} />
      <DataTable
        className="grid grid--compact"
        caption={t('accessReviews.accounts')}
        columns={[
          t('accessReviews.account'),
          t('settings.roles'),
          t('header.clearance'),
          t('accessReviews.decisionCol'),
        ]}
      >
        {r.items.map((item) => (
          <tr key={item.userId}>
            <th scope="row">
              {item.displayName} <span className="muted mono">{item.username}</span>
              {!item.active && (
                <>
                  {' '}
                  <span className="badge badge--closed">{t('accessReviews.inactive')}</span>
                </>
              )}
            </th>
            <td>{item.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
            <td>
              <SensitivityBadge sensitivity={item.clearance} />
            </td>
            <td>
              {item.decision && (
                <p>
                  <strong>{t(`accessDecision.${item.decision}`)}</strong> — {item.decidedBy?.name ?? ''}{' '}
                  {formatDate(item.decidedAt)}
                  {item.note ? ` — ${item.note}` : ''}
                </p>
              )}
              {open && runs && (
                <AccessDecisionForm
                  item={item}
                  busy={busy}
                  onDecide={(body) => void post(`/access-reviews/${r.id}/items/${item.userId}`, body)}
                />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {open && runs && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy || r.undecided > 0}
            onClick={() => void post(`/access-reviews/${r.id}/close`)}
          >
            {t('accessReviews.close')}
          </button>
        </div>
      )}
    </section>
  );
}
