import { useI18n } from '../../i18n.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/**
 * Closes a service request once the requester has accepted the fulfilment; a refused request
 * is closed with the refusal reason (REQ-2), no acceptance asked.
 */
export function RequestCloseForm({ refused, ...props }: ActionFormProps & { refused: boolean }) {
  const { t } = useI18n();
  const [accepted, setAccepted] = useDraftField('accepted', false);
  const [note, setNote] = useDraftField('note', '');
  const fieldError = useFieldError(props.error);

  return (
    <ActionForm
      action="close"
      body={() => ({
        ...(refused ? {} : { requesterAccepted: accepted }),
        ...(note.trim() ? { note: note.trim() } : {}),
      })}
      {...props}
    >
      {refused ? (
        <p className="hint">{t('action.close.refusedHint')}</p>
      ) : (
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              name="requesterAccepted"
              aria-invalid={fieldError('requesterAccepted') ? true : undefined}
              checked={accepted}
              onChange={(e) => setAccepted(e.target.checked)}
            />
            {t('action.close.requesterAccepted')}
          </label>
          {fieldError('requesterAccepted') && (
            <p className="field-error" role="alert">
              {fieldError('requesterAccepted')}
            </p>
          )}
        </div>
      )}
      <Field label={t('action.close.note')} name="note">
        {(c) => <textarea {...c} name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </ActionForm>
  );
}
