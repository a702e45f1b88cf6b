import { useId, type ReactNode } from 'react';

/** Props a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface Props {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form field: the label, the control, an optional hint and the field's error. */
export function Field({ label, error, hint, required, className, children }: Props) {
  const id = useId();
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
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
