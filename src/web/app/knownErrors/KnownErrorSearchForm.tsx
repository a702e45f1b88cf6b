import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';
import type { KnownErrorQuery } from './useKnownErrors.ts';

interface Props {
  initial: KnownErrorQuery;
  onSearch(query: KnownErrorQuery): void;
  /** Rendered inside another form (the incident's action form): a div with a button, not a nested form. */
  embedded?: boolean;
}

/** Free text and service of a known-error search. */
export function KnownErrorSearchForm({ initial, onSearch, embedded }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial.q);
  const [service, setService] = useState(initial.service);
  const search = () => onSearch({ q, service });
  const onEnter = (e: KeyboardEvent) => {
    if (embedded && e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };
  const fields = (
    <>
      <Field label={t('knownErrors.q')} className="filters__q">
        {(c) => (
          <input
            {...c}
            type="search"
            name="q"
            value={q}
            placeholder={t('knownErrors.qPlaceholder')}
            onKeyDown={onEnter}
            onChange={(e) => setQ(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('knownErrors.service')}>
        {(c) => (
          <input
            {...c}
            name="service"
            value={service}
            onKeyDown={onEnter}
            onChange={(e) => setService(e.target.value)}
          />
        )}
      </Field>
    </>
  );
  if (embedded) {
    return (
      <div className="known-error-search" role="search" aria-label={t('knownErrors.searchLabel')}>
        {fields}
        <button type="button" className="btn" onClick={search}>
          {t('knownErrors.search')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('knownErrors.searchLabel')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        search();
      }}
    >
      {fields}
      <div className="filters__buttons">
        <button type="submit" className="btn btn--primary">
          {t('knownErrors.search')}
        </button>
      </div>
    </form>
  );
}
