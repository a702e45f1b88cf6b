import { choiceOf } from '../../ui/form/inputs.tsx';
import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../ui/Field.tsx';
import { useDraftField } from '../../ui/form/drafts.ts';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** Declares a linked security incident (INC-3), at least SENSITIVE. */
export function SecurityForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const [title, setTitle] = useDraftField('title', '');
  const [description, setDescription] = useDraftField('description', '');
  const [sensitivity, setSensitivity] = useDraftField<'SENSITIVE' | 'CRITICAL'>(
    'sensitivity',
    detail.sensitivity === 'CRITICAL' ? 'CRITICAL' : 'SENSITIVE',
  );

  function body() {
    return {
      sensitivity,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
    };
  }

  return (
    <ActionForm action="declare_security_incident" body={body} danger {...props}>
      <Field
        label={t('action.declare_security_incident.title')}
        name="title"
        hint={t('action.declare_security_incident.titleHint')}
      >
        {(c) => <input {...c} name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('action.declare_security_incident.description')} name="description">
        {(c) => (
          <textarea
            {...c}
            name="description"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('action.declare_security_incident.sensitivity')} name="sensitivity">
        {(c) => (
          <select
            {...c}
            name="sensitivity"
            value={sensitivity}
            onChange={(e) => setSensitivity(choiceOf(['SENSITIVE', 'CRITICAL'] as const, e.target.value, sensitivity))}
          >
            <option value="SENSITIVE">{t('sensitivity.SENSITIVE')}</option>
            <option value="CRITICAL">{t('sensitivity.CRITICAL')}</option>
          </select>
        )}
      </Field>
    </ActionForm>
  );
}
