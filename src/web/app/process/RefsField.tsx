import { useI18n } from '../i18n.tsx';
import { isFieldError, useErrorText } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';

interface Props {
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
  error: unknown;
}

/** Ticket references separated by commas or spaces, e.g. `EU-INC-2026-000001, EU-INC-2026-000002`. */
export function RefsField({ name, label, hint, value, onChange, error }: Props) {
  const { t } = useI18n();
  const text = useErrorText();
  // The server names the list or one of its entries (`incidents` or `incidents.0`).
  const message = isFieldError(error, name) ? text(error) : undefined;
  return (
    <Field label={label} error={message} hint={hint}>
      {(c) => (
        <input
          {...c}
          name={name}
          className="mono"
          value={value}
          placeholder={t('process.refsPlaceholder')}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The references typed in a RefsField. */
export function parseRefs(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((ref) => ref.trim().toUpperCase())
    .filter(Boolean);
}
