import { useState } from 'react';
import type { CooperationDate } from '../../../contract/services.ts';
import { query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { FormError } from '../ui/errors.tsx';
import { useGet } from '../ui/useGet.ts';

const DAYS = 90;

/** COL-5: expert meetings (CBM-6) and my party's contact confirmations falling due (CBM-1) over the next 90 days. */
export function CooperationSection() {
  const { t, formatDate } = useI18n();
  const [range] = useState(() => ({
    from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    to: new Date(Date.now() + DAYS * 86_400_000).toISOString(),
  }));
  const { data, error, loading } = useGet<{ items: CooperationDate[] }>(`/cooperation-dates${query(range)}`);
  const title = t('cooperationDates.title', { days: DAYS });
  return (
    <section className="card block" aria-labelledby="cooperation-dates-title" aria-busy={loading}>
      <h2 id="cooperation-dates-title">{title}</h2>
      <FormError error={error} />
      {data && data.items.length === 0 && <p className="empty">{t('cooperationDates.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="grid">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cooperationDates.when')}</th>
                <th scope="col">{t('plannedWork.kind')}</th>
                <th scope="col">{t('cooperationDates.what')}</th>
                <th scope="col">{t('common.party')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={`${item.kind}-${item.id}`}>
                  <td>{formatDate(item.kind === 'meeting' ? item.startsAt : item.dueAt)}</td>
                  <td>{t(`cooperationDates.kind.${item.kind}`)}</td>
                  <td>
                    {item.kind === 'meeting' ? (
                      <a href={href(`/meetings/${item.id}`)}>{item.title}</a>
                    ) : (
                      <a href={href('/contacts')}>{item.title}</a>
                    )}
                  </td>
                  <td>{item.party}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
