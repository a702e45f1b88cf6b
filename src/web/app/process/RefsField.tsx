import { useI18n } from '../i18n.tsx';
import { TextField } from '../ui/form/inputs.tsx';

interface Props {
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
}

/** Ticket references separated by commas or spaces, e.g. `EU-INC-2026-000001, EU-INC-2026-000002`. */
export function RefsField({ name, label, hint, value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <TextField
      name={name}
      label={label}
      hint={hint}
      mono
      value={value}
      placeholder={t('process.refsPlaceholder')}
      onChange={onChange}
    />
  );
}

/** The references typed in a RefsField. */
export function parseRefs(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((ref) => ref.trim().toUpperCase())
    .filter(Boolean);
}
