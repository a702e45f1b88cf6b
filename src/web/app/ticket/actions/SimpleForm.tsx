import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

interface FieldSpec {
  name: string;
  multiline?: boolean;
  required?: boolean;
}

/** Actions whose body is a few text fields. */
export const SIMPLE_ACTIONS: Record<string, FieldSpec[]> = {
  pend: [{ name: 'reason', multiline: true, required: true }],
  resume: [],
  resolve: [{ name: 'resolution', multiline: true, required: true }],
  reject_resolution: [{ name: 'reason', multiline: true, required: true }],
  verify: [{ name: 'note', multiline: true }],
  record_known_error: [
    { name: 'knownError', multiline: true, required: true },
    { name: 'workaround', multiline: true, required: true },
  ],
  record_recurrence: [{ name: 'title' }, { name: 'description', multiline: true }],
};

/** A form of text fields; empty optional fields are left out of the body. */
export function SimpleForm({ action, ...props }: ActionFormProps & { action: string }) {
  const { t } = useI18n();
  const specs = SIMPLE_ACTIONS[action] ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  const fieldError = useFieldError(props.error);

  function onSubmit() {
    const body: Record<string, string> = {};
    for (const spec of specs) {
      const value = (values[spec.name] ?? '').trim();
      if (value || spec.required) body[spec.name] = value;
    }
    props.submit(body);
  }

  return (
    <ActionForm action={action} fields={specs.map((s) => s.name)} onSubmit={onSubmit} {...props}>
      {specs.length === 0 && <p className="muted">{t(`action.${action}.confirm`)}</p>}
      {specs.map((spec) => (
        <Field key={spec.name} label={t(`action.${action}.${spec.name}`)} required={spec.required} error={fieldError(spec.name)}>
          {(c) => {
            const common = { ...c, name: spec.name, required: spec.required, value: values[spec.name] ?? '' };
            const onChange = (value: string) => setValues((v) => ({ ...v, [spec.name]: value }));
            return spec.multiline ? (
              <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
            ) : (
              <input {...common} onChange={(e) => onChange(e.target.value)} />
            );
          }}
        </Field>
      ))}
    </ActionForm>
  );
}
