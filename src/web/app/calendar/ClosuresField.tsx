import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';
import { useDayFormat } from './weekly.ts';

interface Props {
  dates: string[];
  min: string;
  error: string | undefined;
  onChange(dates: string[]): void;
}

/** Extra closure days: pick a date, add it; each added date can be removed. */
export function ClosuresField({ dates, min, error, onChange }: Props) {
  const { t } = useI18n();
  const day = useDayFormat();
  const [date, setDate] = useState('');

  function add() {
    if (!date || dates.includes(date)) return;
    onChange([...dates, date].sort());
    setDate('');
  }

  return (
    <fieldset className="closures">
      <legend>{t('calendar.extraClosures')}</legend>
      <div className="inline-form closures__add">
        <Field label={t('calendar.form.closureDate')} error={error}>
          {(c) => (
            <input
              {...c}
              type="date"
              min={min}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds the date rather than submitting the whole version.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          )}
        </Field>
        <button type="button" className="btn" onClick={add} disabled={!date}>
          {t('calendar.form.addClosure')}
        </button>
      </div>
      {dates.length === 0 ? (
        <p className="muted">{t('calendar.none')}</p>
      ) : (
        <ul className="chips" aria-label={t('calendar.form.closureList')}>
          {dates.map((d) => (
            <li key={d} className="chip">
              <time dateTime={d}>{day(d)}</time>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('calendar.form.removeClosure', { date: day(d) })}
                onClick={() => onChange(dates.filter((x) => x !== d))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
