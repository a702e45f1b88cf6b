import type { Outage } from '../../../contract/services.ts';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { localInputToIso } from '../ui/datetime.ts';
import { FormError, useFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

const FIELDS = ['service', 'detectedAt', 'reportedAt', 'restoredAt'] as const;
const TIMES = ['detectedAt', 'reportedAt', 'restoredAt'] as const;
type Times = Record<(typeof TIMES)[number], string>;
const EMPTY: Times = { detectedAt: '', reportedAt: '', restoredAt: '' };

/** Records an outage of one of the user's party's services (SLA-6): start = earliest of detection and report. */
export function OutageForm({ party, onRecorded }: { party: string; onRecorded(outage: Outage): void }) {
  const { t } = useI18n();
  const [service, setService] = useState('');
  const [times, setTimes] = useState<Times>(EMPTY);
  const { busy, error, run } = useRun();
  const fieldError = useFieldError(error);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const body: Record<string, string> = { service: service.trim() };
      for (const key of TIMES) {
        const iso = localInputToIso(times[key]);
        if (iso) body[key] = iso;
      }
      const outage = await api.post<Outage>('/outages', body);
      setService('');
      setTimes(EMPTY);
      onRecorded(outage);
    });
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="outage-form-title" noValidate>
      <h3 id="outage-form-title">{t('outage.form.title', { party })}</h3>
      <p className="hint">{t('outage.form.intro', { zone })}</p>
      <FormError error={error} fields={FIELDS} />
      <Field label={t('outage.service')} required error={fieldError('service')}>
        {(c) => (
          <input
            {...c}
            name="service"
            required
            maxLength={120}
            value={service}
            onChange={(e) => setService(e.target.value)}
          />
        )}
      </Field>
      {TIMES.map((key) => (
        <Field key={key} label={t(`outage.${key}`)} error={fieldError(key)}>
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              name={key}
              value={times[key]}
              onChange={(e) => setTimes({ ...times, [key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? t('common.saving') : t('outage.form.submit')}
      </button>
    </form>
  );
}
