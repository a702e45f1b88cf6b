import type { Asset } from '../../../contract/security.ts';
import { useState } from 'react';
import { query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { keepsAssets } from '../ui/roles.ts';
import { useGet } from '../ui/useGet.ts';
import { useTitle } from '../ui/useTitle.ts';
import { AssetFilters, NO_ASSET_FILTERS, type AssetFilterValues } from './AssetFilters.tsx';
import { AssetForm } from './AssetForm.tsx';
import { AssetRow } from './AssetRow.tsx';
import { DataTable } from '../ui/DataTable.tsx';

/** ISM-1 … ISM-4: the information asset inventory and the sensitive information list (LIS). */
export function AssetsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  useTitle(t('assets.title'));
  const [filters, setFilters] = useState<AssetFilterValues>(NO_ASSET_FILTERS);
  const params = {
    lis: filters.lis ? 'true' : undefined,
    common: filters.common || undefined,
    overdue: filters.overdue ? 'true' : undefined,
    q: filters.q || undefined,
  };
  const list = useGet<{ items: Asset[]; total: number }>('/assets' + query({ ...params, limit: '200' }));
  const csv = '/api/v1/assets.csv' + query({ common: params.common, overdue: params.overdue, q: params.q });
  const items = list.data?.items ?? [];

  function replace(asset: Asset) {
    if (!list.data) return;
    list.setData({ ...list.data, items: list.data.items.map((a) => (a.id === asset.id ? asset : a)) });
  }

  return (
    <section className="page" aria-labelledby="assets-title">
      <div className="page-head">
        <h1 id="assets-title">{t('assets.title')}</h1>
        <a className="btn" href={csv} download>
          {t('assets.csv')}
        </a>
      </div>
      <AssetFilters value={filters} onChange={setFilters} />
      <p className="queue-count" role="status" aria-live="polite">
        {list.loading ? t('common.loading') : t('assets.count', { shown: items.length, total: list.data?.total ?? 0 })}
      </p>
      <FormError error={list.error} />
      {items.length > 0 ? (
        <DataTable
          caption={t('assets.title')}
          columns={[
            t('assets.name'),
            t('common.party'),
            t('assets.owner'),
            t('cia.confidentiality'),
            t('cia.integrity'),
            t('cia.availability'),
            t('ticket.sensitivity'),
            t('assets.lis'),
            t('assets.status'),
            t('assets.nextReview'),
            t('assets.actions'),
          ]}
        >
          {items.map((asset) => (
            <AssetRow key={asset.id} asset={asset} onChanged={replace} />
          ))}
        </DataTable>
      ) : (
        !list.loading && !list.error && <p className="empty">{t('assets.empty')}</p>
      )}
      {keepsAssets(user) && <AssetForm onCreated={() => void list.reload()} />}
    </section>
  );
}
