import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { FormError, useExactFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

export interface FieldDef {
  name: string;
  label: string;
  multiline?: boolean;
  required?: boolean;
  type?: 'text' | 'datetime-local' | 'number' | 'email';
  options?: readonly { value: string; label: string }[];
  hint?: string;
}

/**
 * A form of text fields posted to the API (CBM pages): the server validates and answers in the
 * user's language; the field it names is marked. `toBody` turns the values into the request body.
 */
export function RecordForm<R>({
  title,
  fields,
  submit,
  method = 'post',
  path,
  toBody,
  onDone,
  initial = {},
  children,
}: {
  title: string;
  fields: FieldDef[];
  submit: string;
  method?: 'post' | 'put';
  path: string;
  toBody(values: Record<string, string>): Record<string, unknown>;
  /** Called with the API's answer (its type is the route's response in src/contract). */
  onDone(result: R): void;
  initial?: Record<string, string>;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(initial);
  const { busy, error, run } = useRun();
  const fieldError = useExactFieldError(error);

  async function send(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const body = toBody(values);
      const result = method === 'put' ? await api.put<R>(path, body) : await api.post<R>(path, body);
      setValues(initial);
      onDone(result);
    });
  }

  return (
    <form className="card form" onSubmit={(e) => void send(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      <FormError error={error} fields={fields.map((f) => f.name)} />
      {fields.map((f) => (
        <Field key={f.name} label={f.label} required={f.required} hint={f.hint} error={fieldError(f.name)}>
          {(c) => {
            const value = values[f.name] ?? '';
            const change = (v: string) => setValues((all) => ({ ...all, [f.name]: v }));
            if (f.options)
              return (
                <select {...c} name={f.name} value={value} onChange={(e) => change(e.target.value)}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              );
            if (f.multiline)
              return <textarea {...c} name={f.name} rows={4} value={value} onChange={(e) => change(e.target.value)} />;
            return (
              <input
                {...c}
                name={f.name}
                type={f.type ?? 'text'}
                value={value}
                onChange={(e) => change(e.target.value)}
              />
            );
          }}
        </Field>
      ))}
      {children}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.saving') : submit}
        </button>
      </div>
    </form>
  );
}

/** Lines of a textarea as a list (empty lines dropped). */
export function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** An optional value: undefined when blank. */
export function opt(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
