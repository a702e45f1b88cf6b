import type { CatalogueField } from '../../../contract/processes.ts';
import { localized } from '../details.ts';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';

interface Props {
  field: CatalogueField;
  value: string;
  onChange(value: string): void;
  /** The server's message about `values.<key>`. */
}

/** One field of a catalogue item's form, rendered by its type. */
export function CatalogueFieldInput({ field, value, onChange }: Props) {
  const { t, lang } = useI18n();
  const label = localized(field.label, lang) || field.key;
  const hint =
    field.type === 'cidr'
      ? t('request.field.cidrHint')
      : field.type === 'email'
        ? t('request.field.emailHint')
        : undefined;
  return (
    <Field name={`values.${field.key}`} label={label} required={field.required} hint={hint}>
      {(c) => {
        const common = { ...c, name: `values.${field.key}`, required: field.required, value };
        switch (field.type) {
          case 'textarea':
            return <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />;
          case 'select':
            return (
              <select {...common} onChange={(e) => onChange(e.target.value)}>
                <option value="">{t('request.field.choose')}</option>
                {(field.options ?? []).map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            );
          case 'email':
            return <input {...common} type="email" autoComplete="off" onChange={(e) => onChange(e.target.value)} />;
          case 'date':
            return <input {...common} type="date" onChange={(e) => onChange(e.target.value)} />;
          case 'cidr':
            return (
              <input
                {...common}
                className="mono"
                spellCheck={false}
                placeholder="192.0.2.0/24"
                onChange={(e) => onChange(e.target.value)}
              />
            );
          default:
            return <input {...common} onChange={(e) => onChange(e.target.value)} />;
        }
      }}
    </Field>
  );
}
