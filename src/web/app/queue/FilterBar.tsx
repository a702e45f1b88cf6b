import type { Party } from '../../../contract/directory.ts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n.tsx';
import { INCIDENT_STATUSES, PRIORITIES, STATUSES_BY_TYPE, TICKET_TYPES } from '../ui/constants.ts';
import { Field } from '../ui/Field.tsx';
import { CheckField, Checks, Options, SelectField } from '../ui/form/inputs.tsx';
import { PartyOptions } from '../ui/PartySelect.tsx';
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
        <AnyOf label={t('queue.type')} value={filters.type} onChange={(type) => set({ type, status: [] })}>
          <Options values={TICKET_TYPES} label={(type) => t(`type.${type}`)} />
        </AnyOf>
      )}
      <AnyOf label={t('queue.priority')} value={filters.priority} onChange={(priority) => set({ priority })}>
        <Options values={PRIORITIES} label={(p) => t(`priority.${p}`)} />
      </AnyOf>
      <AnyOf label={t('queue.owner')} value={filters.owner} onChange={(owner) => set({ owner })}>
        <PartyOptions parties={parties} />
      </AnyOf>
      <fieldset className="filters__statuses">
        <legend>{t('queue.status')}</legend>
        <Checks
          options={statuses}
          value={filters.status}
          label={(status) => t(`status.${status}`)}
          onChange={(status) => set({ status })}
        />
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

/** A filter's select: all (empty) or one of the options given as children. */
function AnyOf({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {children}
        </select>
      )}
    </Field>
  );
}
