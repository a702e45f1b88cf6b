import { securityDetailsOf } from '../../details.ts';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** SEC-6: marks an open follow-up action as done, with a note. */
export function CompleteFollowUpForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const open = (securityDetailsOf(detail)?.followUps ?? []).filter((f) => !f.done);
  const [id, setId] = useDraftField('id', open[0]?.id ?? '');
  const [note, setNote] = useDraftField('note', '');

  return (
    <ActionForm
      action="complete_follow_up"
      body={() => ({ id, ...(note.trim() ? { note: note.trim() } : {}) })}
      {...props}
    >
      {open.length === 0 ? (
        <p className="muted">{t('security.followUps.noneOpen')}</p>
      ) : (
        <Field label={t('action.complete_follow_up.id')} required name="id">
          {(c) => (
            <select {...c} name="id" value={id} onChange={(e) => setId(e.target.value)}>
              {open.map((f) => (
                <option key={f.id} value={f.id}>
                  {t(`followUpKind.${f.kind}`)} — {f.description.slice(0, 80)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('action.complete_follow_up.note')} name="note">
        {(c) => <textarea {...c} name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </ActionForm>
  );
}
