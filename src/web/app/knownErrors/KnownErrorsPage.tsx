import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { FormError } from '../ui/errors.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { KnownErrorCard } from './KnownErrorCard.tsx';
import { KnownErrorSearchForm } from './KnownErrorSearchForm.tsx';
import { useKnownErrors } from './useKnownErrors.ts';

/** The known-error base (COL-3): search by text and service; `focusId` shows one entry (linked from its problem). */
export function KnownErrorsPage({ focusId }: { focusId: string }) {
  const { t } = useI18n();
  useTitle(t('knownErrors.title'));
  const { applied, search, items, loading, error } = useKnownErrors();
  const shown = items && focusId ? items.filter((item) => item.id === focusId) : items;

  return (
    <section className="page page--narrow" aria-labelledby="known-errors-title">
      <h1 id="known-errors-title">{t('knownErrors.title')}</h1>
      <p className="muted">{t('knownErrors.intro')}</p>
      <KnownErrorSearchForm initial={applied} onSearch={search} />
      <FormError error={error} />
      <p className="queue-count" role="status" aria-live="polite">
        {loading || !shown ? t('common.loading') : t('knownErrors.count', { count: shown.length })}
      </p>
      {focusId && (
        <p>
          <a href={href('/known-errors')}>{t('knownErrors.showAll')}</a>
        </p>
      )}
      {shown && shown.length === 0 && !loading && <p className="empty">{t('knownErrors.none')}</p>}
      {shown && shown.length > 0 && (
        <ul className="known-errors" aria-labelledby="known-errors-title">
          {shown.map((entry) => (
            <li key={entry.id}>
              <KnownErrorCard entry={entry} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
