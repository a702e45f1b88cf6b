/** A row of radio buttons switching what a section shows (a view, a filter): arrow keys move between them. */
export function RadioSwitch<T extends string>({
  legend,
  name,
  options,
  value,
  label,
  onChange,
  className = '',
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label(option: NoInfer<T>): string;
  onChange(option: NoInfer<T>): void;
  className?: string;
}) {
  return (
    <fieldset className={`radio-group radio-group--inline ${className}`.trim()}>
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
