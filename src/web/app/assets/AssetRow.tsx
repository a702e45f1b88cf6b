import type { Asset } from '../../../contract/security.ts';
import { CIA } from '../../../domain/security.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { SensitivityBadge } from '../ui/badges.tsx';
import { RowPanel } from '../ui/DataTable.tsx';
import { InlineError } from '../ui/errors.tsx';
import { AssetEditForm } from './AssetEditForm.tsx';
import { AssetReviewForm } from './AssetReviewForm.tsx';
import { AssetReviewHistory } from './AssetReviewHistory.tsx';
import { useRun } from '../ui/useFormSubmit.ts';

type Panel = 'edit' | 'review' | null;

/** One asset of the inventory, with approve (a pending common asset), edit, review and the review history. */
export function AssetRow({ asset, onChanged }: { asset: Asset; onChanged(asset: Asset): void }) {
  const { t, formatDate } = useI18n();
  const [panel, setPanel] = useState<Panel>(null);
  // The history shown after a review includes it: it is loaded again whenever the asset changes.
  const [history, setHistory] = useState(false);
  const { busy, error, run } = useRun();

  async function decide(decision: 'approved' | 'refused') {
    await run(async () => {
      onChanged(await api.post<Asset>(`/assets/${asset.id}/approve`, { decision, version: asset.version }));
    });
  }

  return (
    <>
      <tr className={asset.overdue ? 'row--overdue' : undefined} data-asset={asset.name}>
        <th scope="row">
          {asset.name}
          {asset.description && <div className="muted">{asset.description}</div>}
        </th>
        <td>{asset.common ? t('assets.commonTag') : asset.party}</td>
        <td>{asset.owner}</td>
        {CIA.map((f) => (
          <td key={f}>{t(`ciaLevel.${asset[f]}`)}</td>
        ))}
        <td>
          <SensitivityBadge sensitivity={asset.sensitivity} />
        </td>
        <td>
          {asset.lis ? t('common.yes') : t('common.no')}
          {asset.personalData ? ` · ${t('assets.personalDataShort')}` : ''}
        </td>
        <td>
          <span className={`badge badge--status badge--asset-${asset.status}`}>{t(`assetStatus.${asset.status}`)}</span>
        </td>
        <td className="nowrap">
          {formatDate(asset.nextReviewAt)}
          {asset.overdue && (
            <>
              {' '}
              <span className="badge badge--critical">{t('assets.overdue')}</span>
            </>
          )}
        </td>
        <td className="nowrap">
          {asset.allowedActions.includes('approve') && (
            <>
              <button
                type="button"
                className="btn btn--primary"
                disabled={busy}
                onClick={() => void decide('approved')}
              >
                {t('assets.approve')}
              </button>{' '}
              <button type="button" className="btn" disabled={busy} onClick={() => void decide('refused')}>
                {t('assets.refuse')}
              </button>{' '}
            </>
          )}
          {asset.allowedActions.includes('update') && (
            <>
              <button
                type="button"
                className="btn"
                aria-expanded={panel === 'edit'}
                onClick={() => setPanel(panel === 'edit' ? null : 'edit')}
              >
                {t('assets.edit')}
              </button>{' '}
            </>
          )}
          {asset.allowedActions.includes('review') && (
            <>
              <button
                type="button"
                className="btn"
                aria-expanded={panel === 'review'}
                onClick={() => setPanel(panel === 'review' ? null : 'review')}
              >
                {t('assets.review')}
              </button>{' '}
            </>
          )}
          <button type="button" className="btn btn--ghost" aria-expanded={history} onClick={() => setHistory(!history)}>
            {t('assets.history')}
          </button>
          <InlineError error={error} />
        </td>
      </tr>
      {panel !== null && (
        <RowPanel span={11}>
          {panel === 'edit' ? (
            <AssetEditForm
              asset={asset}
              onCancel={() => setPanel(null)}
              onDone={(updated) => {
                setPanel(null);
                onChanged(updated);
              }}
            />
          ) : (
            <AssetReviewForm
              asset={asset}
              onCancel={() => setPanel(null)}
              onDone={(updated) => {
                setPanel(null);
                setHistory(true);
                onChanged(updated);
              }}
            />
          )}
        </RowPanel>
      )}
      {history && (
        <RowPanel span={11}>
          <AssetReviewHistory key={`${asset.version}:${asset.nextReviewAt}`} asset={asset} />
        </RowPanel>
      )}
    </>
  );
}
