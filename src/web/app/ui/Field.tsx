import { useEffect, useId, type ReactNode } from 'react';
import { useFormFields } from './form/FormContext.ts';

/** Props a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface Props {
  label: string;
  /** The body field this control fills: inside a `FormShell` its error comes from the form and its label names it in the summary. */
  name?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form field: the label, the control, an optional hint and the field's error. */
export function Field({ label, name, error: given, hint, required, className, children }: Props) {
  const id = useId();
  const form = useFormFields();
  const error = given ?? (name && form ? form.errorFor(name) : undefined);
  const register = form?.register;
  useEffect(() => (name && register ? register(name, label, id) : undefined), [register, name, label, id]);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const control: ControlProps = { id };
  if (error) control['aria-invalid'] = true;
  if (described) control['aria-describedby'] = described;
  return (
    <div className={['field', className ?? '', error ? 'field--invalid' : ''].join(' ').trim()}>
      <div className="field__label">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label so the control's name stays the plain label; `required` says it to assistive tech. */}
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children(control)}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        // Inside a FormShell the summary announces every error; a lone field announces its own.
        <p id={`${id}-error`} className="field-error" role={form ? undefined : 'alert'}>
          {error}
        </p>
      )}
    </div>
  );
}
