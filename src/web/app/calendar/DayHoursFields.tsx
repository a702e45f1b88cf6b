import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';

export interface DayForm {
  closed: boolean;
  start: string;
  end: string;
}

interface Props {
  /** Weekday index, 0 = Sunday. */
  day: number;
  value: DayForm;
  error: string | undefined;
  onChange(value: DayForm): void;
}

/** Opening hours of one weekday: "closed", or a start and an end time. */
export function DayHoursFields({ day, value, error, onChange }: Props) {
  const { t } = useI18n();
  const errorId = `day-${day}-error`;
  /** The opening or closing time, asked for only on a day that is not closed. */
  const time = (bound: 'start' | 'end', label: string) => (
    <Field label={label}>
      {(c) => (
        <input
          {...c}
          type="time"
          step={60}
          disabled={value.closed}
          required={!value.closed}
          value={value[bound]}
          onChange={(e) => onChange({ ...value, [bound]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <fieldset className={`day-hours${error ? ' field--invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>{t(`weekday.long.${day}`)}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={value.closed}
          onChange={(e) => onChange({ ...value, closed: e.target.checked })}
        />
        {t('calendar.form.closed')}
      </label>
      {time('start', t('calendar.form.opens'))}
      {time('end', t('calendar.form.closes'))}
      {error && (
        <p id={errorId} className="field-error day-hours__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
