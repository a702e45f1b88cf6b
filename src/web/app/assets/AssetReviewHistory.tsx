import type { Asset, AssetReview } from '../../../contract/security.ts';
import { useI18n } from '../i18n.tsx';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';

/** ISM-3: the reviews of an asset, newest first (GET /assets/:id/reviews). */
export function AssetReviewHistory({ asset }: { asset: Asset }) {
  const { t, formatDate } = useI18n();
  const reviews = useGet<{ items: AssetReview[] }>(`/assets/${asset.id}/reviews`);
  const items = reviews.data?.items ?? [];
  return (
    <section className="asset-history" aria-label={t('assets.historyOf', { name: asset.name })}>
      <h3>{t('assets.historyOf', { name: asset.name })}</h3>
      <FormError error={reviews.error} />
      {items.length === 0 ? (
        <p className="muted">{reviews.loading ? t('common.loading') : t('assets.historyEmpty')}</p>
      ) : (
        <ol className="asset-history__list">
          {items.map((r) => (
            <li key={r.id}>
              <strong>{t(`reviewOutcome.${r.outcome}`)}</strong> — {r.reviewer.name}, {formatDate(r.reviewedAt)}
              {r.note && <div className="muted">{r.note}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
