import { useI18n } from '../../i18n.tsx';
import { concerns } from './fieldErrors.ts';

export interface RegisteredField {
  label: string;
  id: string;
}

interface Props {
  /** Field errors still standing (field → message). */
  errors: Record<string, string>;
  /** A message about no field in particular (a refusal, a network error). */
  general?: string | undefined;
  fields: ReadonlyMap<string, RegisteredField>;
}

/** Every error of a form at once: each named by its field's translated label, a link to the field. */
export function ErrorSummary({ errors, general, fields }: Props) {
  const { t } = useI18n();
  const entries = Object.entries(errors);
  if (!general && entries.length === 0) return null;
  const field = (named: string) => [...fields.entries()].find(([name]) => concerns(named, name))?.[1];
  return (
    <div className="alert alert--error error-summary" role="alert">
      {general && <p>{general}</p>}
      {entries.length > 0 && (
        <>
          <p>{t('form.errors', { count: entries.length })}</p>
          <ul>
            {entries.map(([named, message]) => {
              const target = field(named);
              return (
                <li key={named}>
                  {target ? (
                    <a
                      href={`#${target.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(target.id)?.focus();
                      }}
                    >
                      {target.label}
                    </a>
                  ) : (
                    named
                  )}
                  {`: ${message}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
