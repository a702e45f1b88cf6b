import { useI18n } from '../i18n.tsx';
import { CHANNELS } from '../ui/constants.ts';
import { useFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import type { IncidentDraft } from './draft.ts';

interface Props {
  draft: IncidentDraft;
  update(patch: Partial<IncidentDraft>): void;
  error: unknown;
}

/** What happened, to which service, reported by whom and how. */
export function DescriptionFields({ draft, update, error }: Props) {
  const { t } = useI18n();
  const fieldError = useFieldError(error);
  return (
    <fieldset className="form-section">
      <legend>{t('incident.section.description')}</legend>
      <Field label={t('ticket.title')} required error={fieldError('title')}>
        {(c) => (
          <input
            {...c}
            name="title"
            required
            maxLength={200}
            value={draft.title}
            onChange={(e) => update({ title: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('ticket.description')} error={fieldError('description')}>
        {(c) => (
          <textarea
            {...c}
            name="description"
            rows={5}
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
          />
        )}
      </Field>
      <div className="form-row">
        <Field label={t('ticket.service')} required error={fieldError('service')} hint={t('incident.serviceHint')}>
          {(c) => (
            <input
              {...c}
              name="service"
              required
              maxLength={120}
              value={draft.service}
              onChange={(e) => update({ service: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('ticket.reporter')} error={fieldError('reporter')}>
          {(c) => (
            <input
              {...c}
              name="reporter"
              maxLength={200}
              value={draft.reporter}
              onChange={(e) => update({ reporter: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('ticket.reporterEmail')}
          error={fieldError('reporterEmail')}
          hint={t('incident.reporterEmailHint')}
        >
          {(c) => (
            <input
              {...c}
              name="reporterEmail"
              type="email"
              maxLength={254}
              value={draft.reporterEmail}
              onChange={(e) => update({ reporterEmail: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('ticket.channel')} error={fieldError('channel')}>
          {(c) => (
            <select
              {...c}
              name="channel"
              value={draft.channel}
              onChange={(e) => update({ channel: e.target.value as IncidentDraft['channel'] })}
            >
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel.${channel}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
