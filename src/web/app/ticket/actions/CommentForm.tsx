import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** A comment, internal (owning party only) or shared with every party on the ticket. */
export function CommentForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const { user } = useSession();
  const owner = user.party === detail.ownerParty;
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'internal' | 'shared'>(owner ? 'internal' : 'shared');
  const fieldError = useFieldError(props.error);

  return (
    <ActionForm
      action="comment"
      fields={['body', 'visibility']}
      onSubmit={() => props.submit({ body: body.trim(), visibility })}
      {...props}
    >
      <Field label={t('action.comment.body')} required error={fieldError('body')}>
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
