import { useI18n } from '../../i18n.tsx';
import { KnownErrorSearchForm } from '../../knownErrors/KnownErrorSearchForm.tsx';
import { useKnownErrors } from '../../knownErrors/useKnownErrors.ts';
import { FormError } from '../../ui/errors.tsx';

interface Props {
  chosen: string;
  onChoose(id: string): void;
}

/** Searches the known errors (COL-3) and picks one. */
export function KnownErrorPicker({ chosen, onChoose }: Props) {
  const { t } = useI18n();
  const { applied, search, items, loading, error } = useKnownErrors();

  return (
    <div className="known-error-picker">
      <KnownErrorSearchForm initial={applied} onSearch={search} embedded />
      <FormError error={error} />
      <p className="hint" role="status" aria-live="polite">
        {loading || !items ? t('common.loading') : t('knownErrors.count', { count: items.length })}
      </p>
      {items && items.length > 0 && (
        <fieldset className="radio-group known-error-choices">
          <legend>{t('action.record_known_error.choose')}</legend>
          {items.map((entry) => (
            <label key={entry.id} className="check known-error-choice">
              <input
                type="radio"
                name="knownErrorId"
                value={entry.id}
                checked={chosen === entry.id}
                onChange={() => onChoose(entry.id)}
              />
              <span>
                <strong>{entry.title}</strong> <span className="mono muted">{entry.problemRef}</span>
                <span className="known-error-choice__workaround">
                  {t('knownErrors.workaround')}: {entry.workaround}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
