import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { localInputToUtc } from '../../ui/datetime.ts';
import { useDraftField } from '../../ui/form/drafts.ts';
import { TextField } from '../../ui/form/inputs.tsx';
import { WindowFields } from '../../ui/form/WindowFields.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** Proposes the joint maintenance window of a release (REL-2); the other affected parties accept or refuse it. */
export function ProposeWindowForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const [title, setTitle] = useDraftField('title', '');
  const [startsAt, setStartsAt] = useDraftField('startsAt', '');
  const [endsAt, setEndsAt] = useDraftField('endsAt', '');

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
      <WindowFields
        {...{ startsAt, endsAt, setStartsAt, setEndsAt }}
        startLabel={t('action.propose_window.startsAt')}
        endLabel={t('action.propose_window.endsAt')}
      />
      <TextField
        name="title"
        label={t('action.propose_window.title')}
        hint={t('action.propose_window.titleHint', { ref: detail.ref })}
        maxLength={200}
        value={title}
        onChange={setTitle}
      />
    </ActionForm>
  );
}
