import { CIA_LEVELS } from '../../../domain/assets.ts';
import { CIA, type Cia as CiaField } from '../../../domain/security.ts';
import type { CiaLevel } from '../../../domain/sensitivity.ts';
import { sensitivityFromCia } from '../../../domain/sensitivity.ts';
import { useI18n } from '../i18n.tsx';
import { SensitivityBadge } from '../ui/badges.tsx';
import { useFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';

export type CiaValues = Record<CiaField, CiaLevel>;

/** ISM-2: confidentiality, integrity and availability, with the ETS level they give (the server derives it the same way). */
export function CiaSelects({
  value,
  onChange,
  error,
}: {
  value: CiaValues;
  onChange(value: CiaValues): void;
  error: unknown;
}) {
  const { t } = useI18n();
  const fieldError = useFieldError(error);
  const level = sensitivityFromCia(value.confidentiality, value.integrity, value.availability);
  return (
    <>
      <div className="form-row">
        {CIA.map((field) => (
          <Field key={field} label={t(`cia.${field}`)} required error={fieldError(field)}>
            {(c) => (
              <select
                {...c}
                name={field}
                value={value[field]}
                onChange={(e) => onChange({ ...value, [field]: e.target.value as CiaLevel })}
              >
                {CIA_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`ciaLevel.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
      <p className="derived-level" aria-live="polite" data-testid="derived-level">
        {t('assets.derivedLevel')} <SensitivityBadge sensitivity={level} />
      </p>
    </>
  );
}
