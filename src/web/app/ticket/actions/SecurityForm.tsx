import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** Declares a linked security incident (INC-3), at least SENSITIVE. */
export function SecurityForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [sensitivity, setSensitivity] = useState<'SENSITIVE' | 'CRITICAL'>(
    detail.sensitivity === 'CRITICAL' ? 'CRITICAL' : 'SENSITIVE',
  );
  const fieldError = useFieldError(props.error);

  function onSubmit() {
    props.submit({
      sensitivity,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
    });
  }

  return (
    <ActionForm
      action="declare_security_incident"
      fields={['title', 'description', 'sensitivity']}
      onSubmit={onSubmit}
      danger
      {...props}
    >
      <Field
        label={t('action.declare_security_incident.title')}
        error={fieldError('title')}
        hint={t('action.declare_security_incident.titleHint')}
      >
        {(c) => <input {...c} name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('action.declare_security_incident.description')} error={fieldError('description')}>
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
      <Field label={t('action.declare_security_incident.sensitivity')} error={fieldError('sensitivity')}>
        {(c) => (
          <select
            {...c}
            name="sensitivity"
            value={sensitivity}
            onChange={(e) => setSensitivity(e.target.value as 'SENSITIVE' | 'CRITICAL')}
          >
            <option value="SENSITIVE">{t('sensitivity.SENSITIVE')}</option>
            <option value="CRITICAL">{t('sensitivity.CRITICAL')}</option>
          </select>
        )}
      </Field>
    </ActionForm>
  );
}
