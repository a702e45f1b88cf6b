import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useParties } from '../../ui/useParties.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** Asks a party to approve a service request (by default the other party). */
export function RequestApprovalForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const parties = useParties();
  const [party, setParty] = useState('');
  const [note, setNote] = useState('');
  const fieldError = useFieldError(props.error);

  function onSubmit() {
    props.submit({ ...(party ? { party } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <ActionForm action="request_approval" fields={['party', 'note']} onSubmit={onSubmit} {...props}>
      <Field label={t('action.request_approval.party')} error={fieldError('party')}>
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
      <Field label={t('action.request_approval.note')} error={fieldError('note')}>
        {(c) => <textarea {...c} name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <p className="hint">{t('action.request_approval.hint', { owner: detail.ownerParty })}</p>
    </ActionForm>
  );
}
