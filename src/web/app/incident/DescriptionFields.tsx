import { useI18n } from '../i18n.tsx';
import { BasicsFields } from '../process/BasicsFields.tsx';
import { CHANNELS } from '../ui/constants.ts';
import { SelectField, TextField } from '../ui/form/inputs.tsx';
import type { IncidentDraft } from './draft.ts';

interface Props {
  draft: IncidentDraft;
  update(patch: Partial<IncidentDraft>): void;
}

/** What happened, to which service, reported by whom and how (errors from the enclosing form). */
export function DescriptionFields({ draft, update }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="form-section">
      <legend>{t('incident.section.description')}</legend>
      <BasicsFields value={draft} onChange={update} rows={5} serviceOptional />
      <div className="form-row">
        <TextField
          name="service"
          label={t('ticket.service')}
          hint={t('incident.serviceHint')}
          required
          maxLength={120}
          value={draft.service}
          onChange={(service) => update({ service })}
        />
        <TextField
          name="reporter"
          label={t('ticket.reporter')}
          maxLength={200}
          value={draft.reporter}
          onChange={(reporter) => update({ reporter })}
        />
        <TextField
          name="reporterEmail"
          label={t('ticket.reporterEmail')}
          hint={t('incident.reporterEmailHint')}
          type="email"
          maxLength={254}
          value={draft.reporterEmail}
          onChange={(reporterEmail) => update({ reporterEmail })}
        />
        <SelectField
          name="channel"
          label={t('ticket.channel')}
          value={draft.channel}
          onChange={(channel) => update({ channel: channel })}
          options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
        />
      </div>
    </fieldset>
  );
}
