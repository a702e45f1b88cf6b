import type { SearchHit as Hit } from '../../../contract/search.ts';
import { query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';

/** Where a result leads: its ticket, the known error, the wiki page or the exchange. */
function linkOf(hit: Hit): string {
  if (hit.kind === 'wiki') return `/wiki/${hit.ticketRef ?? ''}`;
  if (hit.kind === 'known_error') return `/known-errors?id=${hit.id}`;
  if (hit.kind === 'exchange') return `/exchanges/${hit.id}`;
  return `/tickets/${hit.ticketRef ?? ''}`;
}

/** COL-6: results of the header's search, best first, each with its excerpt and the words found marked. */
export function SearchPage({ q }: { q: string }) {
  const { t, formatDate } = useI18n();
  useTitle(t('search.title'));
  const { data, error, loading } = useGet<{ results: Hit[] }>(`/search${query({ q: q.trim() || undefined })}`);

  return (
    <section className="page page--narrow" aria-labelledby="search-title" aria-busy={loading}>
      <h1 id="search-title">{t('search.resultsFor', { q })}</h1>
      <p className="muted">{t('search.intro')}</p>
      {q.trim() ? <FormError error={error} /> : <p className="empty">{t('search.empty')}</p>}
      <p className="queue-count" role="status" aria-live="polite">
        {loading || !data ? (q.trim() ? t('common.loading') : '') : t('search.count', { count: data.results.length })}
      </p>
      {data && data.results.length > 0 && (
        <ol className="search-results">
          {data.results.map((hit) => (
            <li key={`${hit.kind}-${hit.id}`} className="card search-result">
              <p className="search-result__head">
                <span className="tag">{t(`search.kind.${hit.kind}`)}</span>{' '}
                <a href={href(linkOf(hit))}>
                  {hit.ticketRef && hit.kind !== 'wiki' ? `${hit.ticketRef} — ` : ''}
                  {hit.title}
                </a>{' '}
                <span className="muted">{formatDate(hit.at)}</span>
              </p>
              <p className="search-result__excerpt">
                {hit.excerpt.map((part, i) =>
                  part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
