import type { TicketDetail } from '../../../../contract/schemas.ts';
import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { isoToLocalInput, localInputToUtc } from '../../ui/datetime.ts';
import { useFieldError } from '../../ui/errors.tsx';
import { Field } from '../../ui/Field.tsx';
import { ActionForm, type ActionFormProps } from './ActionForm.tsx';

/** Proposes the joint maintenance window of a release (REL-2); the other affected parties accept or refuse it. */
export function ProposeWindowForm({ detail, ...props }: ActionFormProps & { detail: TicketDetail }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const fieldError = useFieldError(props.error);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = isoToLocalInput(new Date());

  function onSubmit() {
    props.submit({
      startsAt: localInputToUtc(startsAt) ?? '',
      endsAt: localInputToUtc(endsAt) ?? '',
      ...(title.trim() ? { title: title.trim() } : {}),
    });
  }

  return (
    <ActionForm action="propose_window" fields={['startsAt', 'endsAt', 'title']} onSubmit={onSubmit} {...props}>
      <p className="hint">{t('maintenance.form.rules')}</p>
      <Field
        label={t('action.propose_window.startsAt')}
        required
        error={fieldError('startsAt')}
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
      <Field
        label={t('action.propose_window.endsAt')}
        required
        error={fieldError('endsAt')}
        hint={t('common.localTime', { zone })}
      >
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
        error={fieldError('title')}
        hint={t('action.propose_window.titleHint', { ref: detail.ref })}
      >
        {(c) => <input {...c} name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
    </ActionForm>
  );
}
