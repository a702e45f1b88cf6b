import type { CalendarVersion, DayHours, PartyCalendar } from '../../../contract/services.ts';
import { useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { PRIORITIES } from '../ui/constants.ts';
import { FormError, useErrorText } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { Checks } from '../ui/form/inputs.tsx';
import { SubmitRow } from '../ui/form/SubmitRow.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import { ClosuresField } from './ClosuresField.tsx';
import { DayHoursFields, type DayForm } from './DayHoursFields.tsx';
import { clock, minutes, WEEK_ORDER } from './weekly.ts';

const FIELDS = ['effectiveFrom', 'weekly', 'extraClosures', 'onCallPriorities', 'warnPct'] as const;

function dayForm(hours: DayHours | undefined): DayForm {
  // One opening interval per day: the first opening to the last closing.
  const first = hours?.[0];
  const last = hours?.at(-1);
  return first && last
    ? { closed: false, start: clock(first[0]), end: clock(last[1]) }
    : { closed: true, start: '08:00', end: '18:00' };
}

interface Props {
  calendar: PartyCalendar;
  latest: CalendarVersion | undefined;
  /** First day a new version may start (tomorrow in the calendar's zone: today may already be counted). */
  earliest: string;
  onAdded(calendar: PartyCalendar): void;
}

/** Party administrators add a calendar version in force from tomorrow or later (SLA-3). */
export function VersionForm({ calendar, latest, earliest, onAdded }: Props) {
  const { t } = useI18n();
  const [effectiveFrom, setEffectiveFrom] = useState(earliest);
  const [days, setDays] = useState<DayForm[]>(() =>
    Array.from({ length: 7 }, (_, day) => dayForm(latest?.weekly[day])),
  );
  const [closures, setClosures] = useState<string[]>([]);
  const [onCall, setOnCall] = useState<string[]>(latest?.onCallPriorities ?? []);
  const [warnPct, setWarnPct] = useState(String(calendar.warnPct));
  const { busy, error, fieldError, submit } = useFormSubmit(async () => {
    const weekly = days.map((d) => (d.closed ? [] : [[minutes(d.start), minutes(d.end)]]));
    const body = {
      effectiveFrom,
      weekly,
      extraClosures: closures,
      onCallPriorities: onCall,
      ...(warnPct.trim() ? { warnPct: Number(warnPct) } : {}),
    };
    onAdded(await api.post<PartyCalendar>(`/parties/${encodeURIComponent(calendar.party)}/calendar/versions`, body));
  });
  const errorText = useErrorText();
  // About the week as a whole (e.g. no opening hour at all), not one day.
  const weekError = error instanceof ApiError && error.field === 'weekly' ? errorText(error) : undefined;

  return (
    <form
      className="card block version-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="version-form-title"
      noValidate
    >
      <h3 id="version-form-title">{t('calendar.form.title')}</h3>
      <p className="muted">{t('calendar.form.intro')}</p>
      <FormError error={error} fields={FIELDS} />
      <div className="form-row">
        <Field
          label={t('calendar.effectiveFrom')}
          required
          error={fieldError('effectiveFrom')}
          hint={t('calendar.form.effectiveHint', { zone: calendar.timeZone })}
        >
          {(c) => (
            <input
              {...c}
              type="date"
              name="effectiveFrom"
              required
              min={earliest}
              value={effectiveFrom}
              onChange={(e) => setEffectiveFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('calendar.form.warnPct')} error={fieldError('warnPct')} hint={t('calendar.form.warnHint')}>
          {(c) => (
            <input
              {...c}
              type="number"
              name="warnPct"
              min={1}
              max={99}
              step={1}
              value={warnPct}
              onChange={(e) => setWarnPct(e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset className="week">
        <legend>{t('calendar.hours')}</legend>
        {weekError && (
          <p className="field-error" role="alert">
            {weekError}
          </p>
        )}
        {WEEK_ORDER.map((day) => (
          <DayHoursFields
            key={day}
            day={day}
            value={days[day]!}
            error={fieldError(`weekly.${day}`)}
            onChange={(value) => setDays(days.map((d, i) => (i === day ? value : d)))}
          />
        ))}
      </fieldset>
      <ClosuresField dates={closures} min={earliest} error={fieldError('extraClosures')} onChange={setClosures} />
      <fieldset className="on-call" aria-describedby="on-call-hint">
        <legend>{t('calendar.onCall')}</legend>
        <p id="on-call-hint" className="hint">
          {t('calendar.form.onCallHint')}
        </p>
        <Checks options={PRIORITIES} value={onCall} label={(p) => p} onChange={setOnCall} />
        {fieldError('onCallPriorities') && (
          <p className="field-error" role="alert">
            {fieldError('onCallPriorities')}
          </p>
        )}
      </fieldset>
      <SubmitRow busy={busy} label={t('calendar.form.submit')} />
    </form>
  );
}
