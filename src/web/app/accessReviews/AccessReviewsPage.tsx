import type { AccessReview, AccessReviewSummary } from '../../../contract/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { AccessReviewDetail } from './AccessReviewDetail.tsx';

/** ISM-6: the party's periodic access reviews (administrators run them, auditors read them). */
export function AccessReviewsPage() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  useTitle(t('accessReviews.title'));
  const list = useGet<{ items: AccessReviewSummary[] }>('/access-reviews');
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const runs = user.roles.includes('party_admin');
  const items = list.data?.items ?? [];
  const current = selected ?? items.find((r) => r.status === 'open')?.id ?? null;

  async function start() {
    setError(null);
    try {
      const review = await api.post<AccessReview>('/access-reviews');
      setSelected(review.id);
      await list.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="page" aria-labelledby="access-reviews-title">
      <div className="page-head">
        <h1 id="access-reviews-title">{t('accessReviews.title')}</h1>
        {runs && !items.some((r) => r.status === 'open') && (
          <button type="button" className="btn btn--primary" onClick={() => void start()}>
            {t('accessReviews.start')}
          </button>
        )}
      </div>
      <FormError error={error ?? list.error} />
      {items.length === 0 ? (
        <p className="empty">{list.loading ? t('common.loading') : t('accessReviews.empty')}</p>
      ) : (
        <ul className="review-list">
          {items.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className={`btn btn--ghost${r.id === current ? ' active' : ''}`}
                aria-pressed={r.id === current}
                onClick={() => setSelected(r.id)}
              >
                {t('accessReviews.reviewOf', { at: formatDate(r.startedAt) })}
              </button>{' '}
              <span className={`badge badge--status badge--${r.status === 'open' ? 'in_progress' : 'closed'}`}>
                {t(`accessReviews.status.${r.status}`)}
              </span>{' '}
              <span className="muted">
                {t('accessReviews.progress', { undecided: r.undecided, accounts: r.accounts })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {current && <AccessReviewDetail key={current} id={current} runs={runs} onChanged={() => void list.reload()} />}
    </section>
  );
}
