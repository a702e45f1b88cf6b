import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';
import type { AuditFilterValues } from './auditTypes.ts';

export const NO_FILTER: AuditFilterValues = { from: '', to: '', actor: '', ticket: '', action: '' };

/** Time, actor, ticket and action filters; applied on submit. */
export function AuditFilters({ onApply }: { onApply(filter: AuditFilterValues): void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTER);
  const set = (key: keyof AuditFilterValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(values);
  }

  return (
    <form className="filters filters--top" role="search" aria-label={t('audit.filters')} onSubmit={submit}>
      <Field label={t('audit.from')}>
        {(c) => <input {...c} type="datetime-local" name="from" value={values.from} onChange={set('from')} />}
      </Field>
      <Field label={t('audit.to')}>
        {(c) => <input {...c} type="datetime-local" name="to" value={values.to} onChange={set('to')} />}
      </Field>
      <Field label={t('audit.actor')} hint={t('audit.actorHint')}>
        {(c) => <input {...c} name="actor" maxLength={200} value={values.actor} onChange={set('actor')} />}
      </Field>
      <Field label={t('audit.ticket')} hint={t('audit.ticketHint')}>
        {(c) => <input {...c} name="ticket" maxLength={64} value={values.ticket} onChange={set('ticket')} />}
      </Field>
      <Field label={t('audit.action')} hint={t('audit.actionHint')}>
        {(c) => <input {...c} name="action" maxLength={100} value={values.action} onChange={set('action')} />}
      </Field>
      <div className="filters__actions">
        <button type="submit" className="btn btn--primary">
          {t('audit.apply')}
        </button>
      </div>
    </form>
  );
}
