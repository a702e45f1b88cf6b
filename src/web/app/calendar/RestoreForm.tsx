import type { Outage } from '../../../contract/services.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { isoToLocalInput, localInputToIso } from '../ui/datetime.ts';
import { useErrorText } from '../ui/errors.tsx';
import { useFormSubmit } from '../ui/useFormSubmit.ts';

/** Records when an open outage was fully restored (PATCH /outages/:id). */
export function RestoreForm({ outage, onRestored }: { outage: Outage; onRestored(outage: Outage): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(() => isoToLocalInput(new Date()));
  const { busy, error, fieldError, submit } = useFormSubmit(async () =>
    onRestored(await api.patch<Outage>(`/outages/${outage.id}`, { restoredAt: localInputToIso(value) ?? undefined })),
  );
  const errorText = useErrorText();
  const message = error ? (fieldError('restoredAt') ?? errorText(error)) : undefined;
  const id = `restore-${outage.id}`;

  return (
    <form
      className="restore-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('outage.restoreFor', { service: outage.service })}
      noValidate
    >
      <label htmlFor={id} className="visually-hidden">
        {t('outage.restoredAtFor', { service: outage.service })}
      </label>
      <input
        id={id}
        type="datetime-local"
        value={value}
        required
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="btn btn--small" disabled={busy}>
        {t('outage.restore')}
      </button>
      {message && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
