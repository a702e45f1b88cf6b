import type { MaintenanceWindow } from '../../../contract/services.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { localInputToIso } from '../ui/datetime.ts';
import { FormShell } from '../ui/form/FormShell.tsx';
import { TextField } from '../ui/form/inputs.tsx';
import { WindowFields } from '../ui/form/WindowFields.tsx';
import { useTextFields } from '../ui/form/useTextFields.ts';
import { useFormSubmit } from '../ui/useFormSubmit.ts';

/** Schedules a maintenance window of the user's own party (COL-5); times are in the browser's zone. */
export function MaintenanceForm({
  party,
  onScheduled,
}: {
  party: string;
  onScheduled(window: MaintenanceWindow): void;
}) {
  const { t } = useI18n();
  const text = useTextFields({ title: '', service: '', startsAt: '', endsAt: '' });
  const { startsAt, endsAt } = text.values;
  const form = useFormSubmit(async () => {
    const body = {
      title: text.values.title.trim(),
      service: text.values.service.trim() || null,
      startsAt: localInputToIso(startsAt) ?? undefined,
      endsAt: localInputToIso(endsAt) ?? undefined,
    };
    const window = await api.post<MaintenanceWindow>('/maintenance-windows', body);
    text.reset();
    onScheduled(window);
  });

  return (
    <FormShell
      className="inline-form"
      title={t('maintenance.form.title', { party })}
      level={3}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('maintenance.form.submit')}
      status={<p className="hint">{t('maintenance.form.rules')}</p>}
    >
      <TextField
        label={t('maintenance.titleField')}
        className="grow"
        required
        maxLength={200}
        {...text.field('title')}
      />
      <TextField
        label={t('maintenance.service')}
        hint={t('maintenance.form.serviceHint')}
        maxLength={120}
        {...text.field('service')}
      />
      <WindowFields
        startsAt={startsAt}
        endsAt={endsAt}
        setStartsAt={(value) => text.set('startsAt', value)}
        setEndsAt={(value) => text.set('endsAt', value)}
        startLabel={t('maintenance.startsAt')}
        endLabel={t('maintenance.endsAt')}
      />
    </FormShell>
  );
}
