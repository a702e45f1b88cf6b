import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** A comment, internal (owning party only) or shared with every party on the ticket. */
export function CommentForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const { user } = useSession();
  const owner = user.party === detail.ownerParty;
  const [body, setBody] = useDraftField('body', '');
  const [visibility, setVisibility] = useDraftField<'internal' | 'shared'>('visibility', owner ? 'internal' : 'shared');

  return (
    <ActionForm action="comment" body={() => ({ body: body.trim(), visibility })} {...props}>
      <Field label={t('action.comment.body')} required name="body">
        {(c) => (
          <textarea {...c} name="body" rows={4} required value={body} onChange={(e) => setBody(e.target.value)} />
        )}
      </Field>
      <fieldset className="radio-group">
        <legend>{t('action.comment.visibility')}</legend>
        {(['internal', 'shared'] as const).map((v) => (
          <label key={v} className="check">
            <input
              type="radio"
              name="visibility"
              value={v}
              checked={visibility === v}
              disabled={v === 'internal' && !owner}
              onChange={() => setVisibility(v)}
            />
            {t(`visibility.${v}`)}
          </label>
        ))}
        <p className="hint">
          {t(owner ? 'action.comment.internalHint' : 'action.comment.sharedOnlyHint', { party: detail.ownerParty })}
        </p>
      </fieldset>
    </ActionForm>
  );
}
