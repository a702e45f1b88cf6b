import { useState } from 'react';
import type { Sensitivity } from '../../../domain/sensitivity.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { SENSITIVITIES } from '../ui/constants.ts';
import { FormShell } from '../ui/form/FormShell.tsx';
import { SelectField, TextField } from '../ui/form/inputs.tsx';
import { useTextFields } from '../ui/form/useTextFields.ts';
import { useFormSubmit } from '../ui/useFormSubmit.ts';
import type { Subscription } from '../../../contract/webhooks.ts';

/** The event kinds typed in one comma-separated field. */
export const splitKinds = (text: string) =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);

interface Props {
  subscription: Subscription;
  onDone(changed: boolean): void;
}

/** IF-2: change an existing subscription's URL, event kinds and clearance; the server's refusal shows on its field. */
export function EditWebhookForm({ subscription: s, onDone }: Props) {
  const { t } = useI18n();
  const { user } = useSession();
  const text = useTextFields({ url: s.url, eventKinds: s.eventKinds.join(', ') });
  const [clearance, setClearance] = useState(s.clearance);
  const allowed = SENSITIVITIES.slice(0, SENSITIVITIES.indexOf(user.clearance) + 1);
  // The clearance in force is shown even when above the editor's own (the server then refuses to keep it).
  const options = allowed.includes(s.clearance) ? allowed : [...allowed, s.clearance];
  const form = useFormSubmit(async () => {
    await api.patch(`/webhooks/${s.id}`, {
      url: text.values.url.trim(),
      eventKinds: splitKinds(text.values.eventKinds),
      clearance,
    });
    onDone(true);
  });
  return (
    <FormShell
      className="form block"
      title={t('webhooks.editTitle', { url: s.url })}
      level={3}
      onSubmit={form.send}
      error={form.error}
      busy={form.busy}
      submitLabel={t('webhooks.save')}
      onCancel={() => onDone(false)}
      cancelLabel={t('common.cancel')}
      cancelOnEscape
    >
      <TextField type="url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} required {...text.field('url')} />
      <TextField label={t('webhooks.kinds')} hint={t('webhooks.kindsHint')} {...text.field('eventKinds')} />
      <SelectField<Sensitivity>
        name="clearance"
        label={t('webhooks.clearance')}
        value={clearance}
        onChange={setClearance}
        options={options.map((c) => ({ value: c, label: t(`sensitivity.${c}`) }))}
      />
    </FormShell>
  );
}
