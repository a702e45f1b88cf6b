import type { ReactNode } from 'react';
import { Field } from '../Field.tsx';

interface Common {
  /** The body field; its error and summary label come from the enclosing form. */
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean | undefined;
  hint?: string | undefined;
  /** An error of the console's own, shown instead of the one the enclosing form holds for `name`. */
  error?: string | undefined;
  disabled?: boolean | undefined;
  /** Class of the field's wrapper. */
  className?: string;
}

interface TextProps extends Common {
  /** A multi-line field of this many rows. */
  rows?: number | undefined;
  maxLength?: number | undefined;
  /** Monospace, no spell check (references, PEM, patterns). */
  mono?: boolean | undefined;
  type?: 'text' | 'email' | 'url' | 'number' | 'date' | 'datetime-local' | 'time' | 'password' | undefined;
  placeholder?: string | undefined;
  autoComplete?: string | undefined;
  /** Lower bound of a date, time or number input. */
  min?: string | undefined;
}

/** What the `Field` around a control takes of the control's props: its label, hint, error and wrapper class. */
const fieldProps = ({ name, label, required, hint, error, className }: Omit<Common, 'value' | 'onChange'>) => ({
  name,
  label,
  required,
  hint,
  error,
  ...(className ? { className } : {}),
});

/** A labelled text input, or a text area when `rows` is given. */
export function TextField({ value, onChange, disabled, ...text }: TextProps) {
  const { name, required } = text;
  return (
    <Field {...fieldProps(text)}>
      {(c) => {
        const common = {
          ...c,
          name,
          value,
          required,
          disabled,
          maxLength: text.maxLength,
          placeholder: text.placeholder,
          className: text.mono ? 'mono' : undefined,
          spellCheck: text.mono ? false : undefined,
        };
        return text.rows ? (
          <textarea {...common} rows={text.rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...common}
            type={text.type ?? 'text'}
            min={text.min}
            autoComplete={text.autoComplete}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      }}
    </Field>
  );
}

export interface Option<T extends string = string> {
  value: T;
  label: string;
}

/** A labelled select of `options`; `onChange` gets the chosen option's value, typed as the options are. */
export function SelectField<T extends string>({
  value,
  onChange,
  disabled,
  options,
  ...field
}: Omit<Common, 'onChange'> & { options: readonly Option<T>[]; onChange(value: T): void }) {
  const { name, required } = field;
  return (
    <Field {...fieldProps(field)}>
      {(c) => (
        <select
          {...c}
          name={name}
          value={value}
          required={required}
          disabled={disabled}
          onChange={(e) => {
            // A select offers only its options: the value is always one of them.
            const chosen = options.find((o) => o.value === e.target.value);
            if (chosen) onChange(chosen.value);
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A labelled checkbox. */
export function CheckField({
  name,
  label,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="check">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** The options of a select, one per value, each named by `label` (a translated name). */
export function Options<T extends string>({
  values,
  label,
}: {
  values: readonly T[];
  label(value: NoInfer<T>): string;
}) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}

/**
 * A check box per option, for a list of choices (the fieldset and legend around them are the caller's):
 * `value` holds the checked options, `onChange` gets the list with one option checked or unchecked.
 * With `name`, each box is sent as `name=option`.
 */
export function Checks<T extends string>({
  name,
  options,
  value,
  label,
  onChange,
}: {
  name?: string | undefined;
  options: readonly T[];
  value: readonly T[];
  label(option: NoInfer<T>): ReactNode;
  onChange(value: NoInfer<T>[]): void;
}) {
  return (
    <>
      {options.map((option) => (
        <label key={option} className="check">
          <input
            type="checkbox"
            name={name}
            value={name ? option : undefined}
            checked={value.includes(option)}
            onChange={(e) => onChange(e.target.checked ? [...value, option] : value.filter((v) => v !== option))}
          />
          {label(option)}
        </label>
      ))}
    </>
  );
}

/** The one of `options` a plain select's value names, else `current` (a select offers only its options). */
export function choiceOf<T extends string>(options: readonly T[], value: string, current: T): T {
  return options.find((o) => o === value) ?? current;
}
