import type { MaintenanceWindow } from '../../../contract/services.ts';
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { isoToLocalInput, localInputToIso } from '../ui/datetime.ts';
import { FormError, useFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';

const FIELDS = ['title', 'service', 'startsAt', 'endsAt'] as const;

/** Schedules a maintenance window of the user's own party (COL-5); times are in the browser's zone. */
export function MaintenanceForm({
  party,
  onScheduled,
}: {
  party: string;
  onScheduled(window: MaintenanceWindow): void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [service, setService] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = useFieldError(error);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = isoToLocalInput(new Date());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        title: title.trim(),
        service: service.trim() || null,
        startsAt: localInputToIso(startsAt) ?? undefined,
        endsAt: localInputToIso(endsAt) ?? undefined,
      };
      const window = await api.post<MaintenanceWindow>('/maintenance-windows', body);
      setTitle('');
      setService('');
      setStartsAt('');
      setEndsAt('');
      onScheduled(window);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="maintenance-form-title" noValidate>
      <h3 id="maintenance-form-title">{t('maintenance.form.title', { party })}</h3>
      <p className="hint">{t('maintenance.form.rules')}</p>
      <FormError error={error} fields={FIELDS} />
      <Field label={t('maintenance.titleField')} required error={fieldError('title')} className="grow">
        {(c) => (
          <input
            {...c}
            name="title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('maintenance.service')} error={fieldError('service')} hint={t('maintenance.form.serviceHint')}>
        {(c) => (
          <input {...c} name="service" maxLength={120} value={service} onChange={(e) => setService(e.target.value)} />
        )}
      </Field>
      <Field
        label={t('maintenance.startsAt')}
        required
        error={fieldError('startsAt')}
        hint={t('common.localTime', { zone })}
      >
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            name="startsAt"
            required
            min={now}
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('maintenance.endsAt')}
        required
        error={fieldError('endsAt')}
        hint={t('common.localTime', { zone })}
      >
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            name="endsAt"
            required
            min={startsAt || now}
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? t('common.saving') : t('maintenance.form.submit')}
      </button>
    </form>
  );
}
