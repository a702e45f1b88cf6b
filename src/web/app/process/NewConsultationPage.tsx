import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { useSession } from '../session.tsx';
import { localInputToIso } from '../ui/datetime.ts';
import { FormError, useExactFieldError } from '../ui/errors.tsx';
import { Field } from '../ui/Field.tsx';
import { SubmitRow } from '../ui/form/SubmitRow.tsx';
import { PartyOptions } from '../ui/PartySelect.tsx';
import { useParties } from '../ui/useParties.ts';
import { useTitle } from '../ui/useTitle.ts';
import { ClassSelect } from './ClassSelect.tsx';
import { useCreate } from './useCreate.ts';

const FIELDS = ['title', 'situation', 'party', 'service', 'sensitivity', 'acknowledgeBy', 'answerBy'] as const;

/** CBM-5: asks another party to consult on a situation, with deadlines for acknowledgement and answer. */
export function NewConsultationPage() {
  const { t } = useI18n();
  useTitle(t('new.consultation.title'));
  const { user } = useSession();
  const parties = (useParties() ?? []).filter((p) => p.id !== user.party);
  const [form, setForm] = useState({ title: '', situation: '', party: '', service: '', ackBy: '', answerBy: '' });
  const [sensitivity, setSensitivity] = useState('LIMITED');
  const { error, busy, create } = useCreate('/consultations', 'new.consultation.done');
  const fieldError = useExactFieldError(error);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    void create({
      title: form.title,
      situation: form.situation,
      party: form.party || parties[0]?.id || '',
      service: form.service,
      sensitivity,
      acknowledgeBy: localInputToIso(form.ackBy) ?? form.ackBy,
      answerBy: localInputToIso(form.answerBy) ?? form.answerBy,
    });
  }

  return (
    <section className="page page--narrow" aria-labelledby="new-consultation-title">
      <h1 id="new-consultation-title">{t('new.consultation.title')}</h1>
      <form className="card form" onSubmit={submit} noValidate>
        <FormError error={error} fields={FIELDS} />
        <Field label={t('ticket.title')} required error={fieldError('title')}>
          {(c) => <input {...c} name="title" required maxLength={200} value={form.title} onChange={set('title')} />}
        </Field>
        <Field label={t('new.consultation.situation')} required error={fieldError('situation')}>
          {(c) => (
            <textarea {...c} name="situation" rows={5} required value={form.situation} onChange={set('situation')} />
          )}
        </Field>
        <Field label={t('new.consultation.party')} required error={fieldError('party')}>
          {(c) => (
            <select {...c} name="party" value={form.party || parties[0]?.id || ''} onChange={set('party')}>
              <PartyOptions parties={parties} />
            </select>
          )}
        </Field>
        <Field label={t('ticket.service')} required error={fieldError('service')}>
          {(c) => (
            <input {...c} name="service" required maxLength={120} value={form.service} onChange={set('service')} />
          )}
        </Field>
        <ClassSelect kind="sensitivity" value={sensitivity} onChange={setSensitivity} />
        <div className="form-row">
          <Field label={t('new.consultation.acknowledgeBy')} required error={fieldError('acknowledgeBy')}>
            {(c) => (
              <input {...c} type="datetime-local" name="acknowledgeBy" value={form.ackBy} onChange={set('ackBy')} />
            )}
          </Field>
          <Field label={t('new.consultation.answerBy')} required error={fieldError('answerBy')}>
            {(c) => (
              <input {...c} type="datetime-local" name="answerBy" value={form.answerBy} onChange={set('answerBy')} />
            )}
          </Field>
        </div>
        <SubmitRow busy={busy} label={t('new.consultation.submit')}>
          <a className="btn btn--ghost" href={href('/consultations')}>
            {t('common.cancel')}
          </a>
        </SubmitRow>
      </form>
    </section>
  );
}
