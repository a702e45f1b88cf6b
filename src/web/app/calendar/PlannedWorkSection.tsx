import { useState } from 'react';
import type { PlannedItem } from '../../../contract/services.ts';
import { query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';

const DAYS = 90;

/** COL-5: the changes and releases the user may see over the next 90 days, joint window or not. */
export function PlannedWorkSection() {
  const { t, formatDate } = useI18n();
  const [range] = useState(() => ({
    from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    to: new Date(Date.now() + DAYS * 86_400_000).toISOString(),
  }));
  const { data, error, loading } = useGet<{ items: PlannedItem[] }>(`/planned-work${query(range)}`);
  return (
    <section className="card block" aria-labelledby="planned-work-title" aria-busy={loading}>
      <h2 id="planned-work-title">{t('plannedWork.title', { days: DAYS })}</h2>
      <FormError error={error} />
      {data && data.items.length === 0 && <p className="empty">{t('plannedWork.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="grid">
            <caption className="visually-hidden">{t('plannedWork.title', { days: DAYS })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plannedWork.kind')}</th>
                <th scope="col">{t('plannedWork.ticket')}</th>
                <th scope="col">{t('common.party')}</th>
                <th scope="col">{t('maintenance.startsAt')}</th>
                <th scope="col">{t('maintenance.endsAt')}</th>
                <th scope="col">{t('plannedWork.window')}</th>
                <th scope="col">{t('plannedWork.source')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>{t(`plannedWork.kind.${item.kind}`)}</td>
                  <td>
                    <a href={href(`/tickets/${item.ref}`)}>{item.ref}</a> — {item.title}
                  </td>
                  <td>{item.parties.join(', ')}</td>
                  <td>{formatDate(item.startsAt)}</td>
                  <td>{formatDate(item.endsAt)}</td>
                  <td>
                    {item.jointWindow ? t(`plannedWork.window.${item.jointWindow}`) : t('plannedWork.window.none')}
                  </td>
                  <td>{t(`plannedWork.source.${item.source}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
