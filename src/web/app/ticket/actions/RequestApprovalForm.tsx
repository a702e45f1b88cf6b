import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useParties } from '../../ui/useParties.ts';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** Asks a party to approve a service request (by default the other party). */
export function RequestApprovalForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const parties = useParties();
  const [party, setParty] = useDraftField('party', '');
  const [note, setNote] = useDraftField('note', '');

  function body() {
    return { ...(party ? { party } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
  }

  return (
    <ActionForm action="request_approval" body={body} {...props}>
      <Field label={t('action.request_approval.party')} name="party">
        {(c) => (
          <select {...c} name="party" value={party} onChange={(e) => setParty(e.target.value)}>
            <option value="">{t('action.request_approval.otherParty')}</option>
            {(parties ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} — {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('action.request_approval.note')} name="note">
        {(c) => <textarea {...c} name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <p className="hint">{t('action.request_approval.hint', { owner: detail.ownerParty })}</p>
    </ActionForm>
  );
}
