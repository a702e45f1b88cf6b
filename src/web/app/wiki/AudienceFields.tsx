import { SENSITIVITIES } from '../../../domain/sensitivity.ts';
import { choiceOf, Options } from '../ui/form/inputs.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { levelsUpTo } from '../ui/constants.ts';
import { Field } from '../ui/Field.tsx';
import { useParties } from '../ui/useParties.ts';
import type { Sensitivity } from '../../../domain/sensitivity.ts';

interface Props {
  parties: string[];
  sensitivity: Sensitivity;
  onChange(value: { parties: string[]; sensitivity: Sensitivity }): void;
  fieldError(field: string): string | undefined;
}

/** Who reads a page: its parties (the user's own always) and its level (never above the user's clearance). */
export function AudienceFields({ parties, sensitivity, onChange, fieldError }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const all = useParties() ?? [];
  return (
    <>
      <fieldset className="field">
        <legend>{t('wiki.parties')}</legend>
        {all.map((p) => (
          <label key={p.id} className="checkbox">
            <input
              type="checkbox"
              checked={parties.includes(p.id)}
              disabled={p.id === user.party}
              onChange={(e) =>
                onChange({
                  sensitivity,
                  parties: e.target.checked ? [...parties, p.id] : parties.filter((x) => x !== p.id),
                })
              }
            />{' '}
            {p.name} ({p.id})
          </label>
        ))}
        {fieldError('parties') && <p className="field__error">{fieldError('parties')}</p>}
      </fieldset>
      <Field label={t('wiki.sensitivity')} error={fieldError('sensitivity')}>
        {(c) => (
          <select
            {...c}
            value={sensitivity}
            onChange={(e) => onChange({ parties, sensitivity: choiceOf(SENSITIVITIES, e.target.value, sensitivity) })}
          >
            <Options values={levelsUpTo(user.clearance)} label={(s) => t(`sensitivity.${s}`)} />
          </select>
        )}
      </Field>
    </>
  );
}
