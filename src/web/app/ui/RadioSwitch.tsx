/** Radio buttons switching what a section shows (a view, a filter) or a form's mode: arrow keys move between them. */
export function RadioSwitch<T extends string>({
  legend,
  name,
  options,
  value,
  label,
  onChange,
  className = '',
  inline = true,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label(option: NoInfer<T>): string;
  onChange(option: NoInfer<T>): void;
  className?: string;
  /** The buttons in a row (a switch) rather than one under the other (a choice in a form). */
  inline?: boolean;
}) {
  return (
    <fieldset className={`radio-group ${inline ? 'radio-group--inline ' : ''}${className}`.trim()}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}
