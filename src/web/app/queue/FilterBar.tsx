import type { Party } from '../../../contract/directory.ts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { INCIDENT_STATUSES, PRIORITIES, STATUSES_BY_TYPE, TICKET_TYPES } from '../ui/constants.ts';
import { Field } from '../ui/Field.tsx';
import { CheckField, SelectField } from '../ui/form/inputs.tsx';
import { ASSIGNED, EMPTY_FILTERS, type QueueFilters } from './filters.ts';

interface Props {
  filters: QueueFilters;
  parties: Party[];
  onChange(filters: QueueFilters): void;
  /** The type of a type queue (`#/problems`…): the type filter is fixed. */
  fixedType?: string | undefined;
}

/** Queue filters: type, statuses, priority, owner, mine and free text (applied on Enter). */
export function FilterBar({ filters, parties, onChange, fixedType }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState(filters.q);
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });

  function submit(event: FormEvent) {
    event.preventDefault();
    set({ q });
  }

  // Statuses of the chosen type; without a type, the incident ones (the most common).
  const statuses = STATUSES_BY_TYPE[filters.type] ?? INCIDENT_STATUSES;

  function toggleStatus(status: string, on: boolean) {
    set({ status: on ? [...filters.status, status] : filters.status.filter((s) => s !== status) });
  }

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('queue.filters')}>
      <Field label={t('queue.search')} className="filters__q">
        {(c) => (
          <input
            {...c}
            type="search"
            value={q}
            placeholder={t('queue.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
          />
        )}
      </Field>
      {!fixedType && (
        <Field label={t('queue.type')}>
          {(c) => (
            <select {...c} value={filters.type} onChange={(e) => set({ type: e.target.value, status: [] })}>
              <option value="">{t('common.all')}</option>
              {TICKET_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`type.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('queue.priority')}>
        {(c) => (
          <select {...c} value={filters.priority} onChange={(e) => set({ priority: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('queue.owner')}>
        {(c) => (
          <select {...c} value={filters.owner} onChange={(e) => set({ owner: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} — {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="filters__statuses">
        <legend>{t('queue.status')}</legend>
        {statuses.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={filters.status.includes(status)}
              onChange={(e) => toggleStatus(status, e.target.checked)}
            />
            {t(`status.${status}`)}
          </label>
        ))}
      </fieldset>
      <SelectField
        name="assigned"
        label={t('queue.assigned')}
        value={filters.assigned}
        onChange={(assigned) => set({ assigned: assigned })}
        options={ASSIGNED.map((a) => ({ value: a, label: t(`queue.assigned.${a || 'anyone'}`) }))}
      />
      <CheckField
        name="openOnly"
        label={t('queue.openOnly')}
        checked={filters.openOnly}
        onChange={(openOnly) => set({ openOnly })}
      />
      <div className="filters__buttons">
        <button type="submit" className="btn btn--primary">
          {t('queue.apply')}
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            setQ('');
            onChange({ ...EMPTY_FILTERS, type: fixedType ?? '', sort: filters.sort });
          }}
        >
          {t('queue.reset')}
        </button>
      </div>
    </form>
  );
}
