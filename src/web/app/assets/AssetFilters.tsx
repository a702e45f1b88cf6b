import { choiceOf } from '../ui/form/inputs.tsx';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import { Field } from '../ui/Field.tsx';

export interface AssetFilterValues {
  lis: boolean;
  common: '' | 'true' | 'false';
  overdue: boolean;
  q: string;
}

export const NO_ASSET_FILTERS: AssetFilterValues = { lis: false, common: '', overdue: false, q: '' };

/** Inventory filters: the sensitive information list only, common or party assets, overdue reviews, text (on Enter). */
export function AssetFilters({
  value,
  onChange,
}: {
  value: AssetFilterValues;
  onChange(value: AssetFilterValues): void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState(value.q);
  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...value, q: q.trim() });
  }
  return (
    <form className="filters" role="search" aria-label={t('assets.filters')} onSubmit={submit}>
      <Field label={t('assets.search')} className="filters__q">
        {(c) => <input {...c} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <Field label={t('assets.scope')}>
        {(c) => (
          <select
            {...c}
            value={value.common}
            onChange={(e) =>
              onChange({ ...value, common: choiceOf(['', 'true', 'false'] as const, e.target.value, value.common) })
            }
          >
            <option value="">{t('common.all')}</option>
            <option value="true">{t('assets.commonOnly')}</option>
            <option value="false">{t('assets.partyOnly')}</option>
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={value.lis} onChange={(e) => onChange({ ...value, lis: e.target.checked })} />
        {t('assets.lisOnly')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={value.overdue}
          onChange={(e) => onChange({ ...value, overdue: e.target.checked })}
        />
        {t('assets.overdueOnly')}
      </label>
      <button type="submit" className="btn">
        {t('queue.search')}
      </button>
    </form>
  );
}
