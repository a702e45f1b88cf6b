import { LANGS, type Lang } from '../../../domain/lang.ts';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';
import { choiceOf, Options } from '../ui/form/inputs.tsx';
import { CLEARANCES } from './adminTypes.ts';

/** An account's clearance (ETS level), one select of the levels an administrator may grant. */
export function ClearanceSelect({
  name = 'clearance',
  value,
  onChange,
  error,
  required,
}: {
  name?: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Field label={t('admin.clearance')} error={error} required={required}>
      {(c) => (
        <select {...c} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
          <Options values={CLEARANCES} label={(level) => t(`sensitivity.${level}`)} />
        </select>
      )}
    </Field>
  );
}

/** An account's language (its mail and the console's default). */
export function LanguageSelect({ value, onChange }: { value: Lang; onChange(value: Lang): void }) {
  const { t } = useI18n();
  return (
    <Field label={t('admin.language')}>
      {(c) => (
        <select {...c} name="language" value={value} onChange={(e) => onChange(choiceOf(LANGS, e.target.value, value))}>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      )}
    </Field>
  );
}
