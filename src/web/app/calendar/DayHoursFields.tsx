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
      <Field label={t('calendar.form.opens')}>
        {(c) => (
          <input
            {...c}
            type="time"
            step={60}
            disabled={value.closed}
            required={!value.closed}
            value={value.start}
            onChange={(e) => onChange({ ...value, start: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('calendar.form.closes')}>
        {(c) => (
          <input
            {...c}
            type="time"
            step={60}
            disabled={value.closed}
            required={!value.closed}
            value={value.end}
            onChange={(e) => onChange({ ...value, end: e.target.value })}
          />
        )}
      </Field>
      {error && (
        <p id={errorId} className="field-error day-hours__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
