import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { isoToLocalInput, localInputToUtc } from '../../ui/datetime.ts';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** Proposes the joint maintenance window of a release (REL-2); the other affected parties accept or refuse it. */
export function ProposeWindowForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const [title, setTitle] = useDraftField('title', '');
  const [startsAt, setStartsAt] = useDraftField('startsAt', '');
  const [endsAt, setEndsAt] = useDraftField('endsAt', '');
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = isoToLocalInput(new Date());

  function body() {
    return {
      startsAt: localInputToUtc(startsAt) ?? '',
      endsAt: localInputToUtc(endsAt) ?? '',
      ...(title.trim() ? { title: title.trim() } : {}),
    };
  }

  return (
    <ActionForm action="propose_window" body={body} {...props}>
      <p className="hint">{t('maintenance.form.rules')}</p>
      <Field
        label={t('action.propose_window.startsAt')}
        required
        name="startsAt"
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
      <Field label={t('action.propose_window.endsAt')} required name="endsAt" hint={t('common.localTime', { zone })}>
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
      <Field
        label={t('action.propose_window.title')}
        name="title"
        hint={t('action.propose_window.titleHint', { ref: detail.ref })}
      >
        {(c) => <input {...c} name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
    </ActionForm>
  );
}
