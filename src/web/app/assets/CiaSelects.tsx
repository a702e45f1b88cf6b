import { CIA_LEVELS } from '../../../domain/assets.ts';
import { CIA, type Cia as CiaField } from '../../../domain/security.ts';
import type { CiaLevel } from '../../../domain/sensitivity.ts';
import { sensitivityFromCia } from '../../../domain/sensitivity.ts';
import { useI18n } from '../i18n.tsx';
import { SensitivityBadge } from '../ui/badges.tsx';
import { SelectField } from '../ui/form/inputs.tsx';

export type CiaValues = Record<CiaField, CiaLevel>;

/** ISM-2: confidentiality, integrity and availability, with the ETS level they give (the server derives it the same way). */
export function CiaSelects({ value, onChange }: { value: CiaValues; onChange(value: CiaValues): void }) {
  const { t } = useI18n();
  const level = sensitivityFromCia(value.confidentiality, value.integrity, value.availability);
  return (
    <>
      <div className="form-row">
        {CIA.map((field) => (
          <SelectField
            key={field}
            name={field}
            label={t(`cia.${field}`)}
            required
            value={value[field]}
            onChange={(level) => onChange({ ...value, [field]: level })}
            options={CIA_LEVELS.map((l) => ({ value: l, label: t(`ciaLevel.${l}`) }))}
          />
        ))}
      </div>
      <p className="derived-level" aria-live="polite" data-testid="derived-level">
        {t('assets.derivedLevel')} <SensitivityBadge sensitivity={level} />
      </p>
    </>
  );
}
