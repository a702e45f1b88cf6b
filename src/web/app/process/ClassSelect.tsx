import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { CRITICALITIES, IMPACTS, levelsUpTo } from '../ui/constants.ts';
import { useExactFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';

type Kind = 'impact' | 'criticality' | 'sensitivity';

interface Props {
  kind: Kind;
  value: string;
  onChange(value: string): void;
  error: unknown;
  /** Label of an empty first option (the field is then optional). */
  emptyLabel?: string;
  hint?: string;
}

/** A select of impacts, criticalities or the sensitivities up to the user's clearance. */
export function ClassSelect({ kind, value, onChange, error, emptyLabel, hint }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const fieldError = useExactFieldError(error);
  const options: readonly string[] =
    kind === 'impact' ? IMPACTS : kind === 'criticality' ? CRITICALITIES : levelsUpTo(user.clearance);
  return (
    <Field label={t(`ticket.${kind}`)} error={fieldError(kind)} hint={hint}>
      {(c) => (
        <select {...c} name={kind} value={value} onChange={(e) => onChange(e.target.value)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`${kind}.${o}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
