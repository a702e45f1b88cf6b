import type { Outage } from '../../../contract/services.ts';
import { useState } from 'react';
import { query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { FormError } from '../ui/errors.tsx';
import { operatesParty } from '../ui/roles.ts';
import { useDuration } from '../ui/SlaCell.tsx';
import { useGet } from '../ui/useGet.ts';
import { OutageForm } from './OutageForm.tsx';
import { RestoreForm } from './RestoreForm.tsx';
import { DataTable } from '../ui/DataTable.tsx';

/** Start of an outage: the earlier of detection and report (SLA-6). */
function startOf(o: Outage): number | null {
  const times = [o.detectedAt, o.reportedAt].filter((v): v is string => v !== null).map(Date.parse);
  return times.length ? Math.min(...times) : null;
}

/** A party's recorded outages; its operators record new ones and their restoration. */
export function OutagesSection({ party }: { party: string }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const duration = useDuration();
  const { data, error, loading, reload } = useGet<{ items: Outage[] }>(`/outages${query({ party })}`);
  const [done, setDone] = useState('');
  const operator = operatesParty(user, party);
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDate(iso)}</time> : <span className="muted">—</span>;

  function changed(message: string) {
    setDone(message);
    void reload();
  }

  return (
    <section className="card block" aria-labelledby="outages-title" aria-busy={loading}>
      <h2 id="outages-title">{t('outage.title', { party })}</h2>
      {done && (
        <p className="alert alert--success" role="status">
          {done}
        </p>
      )}
      <FormError error={error} />
      {data && data.items.length === 0 && <p className="empty">{t('outage.none')}</p>}
      {data && data.items.length > 0 && (
        <DataTable
          caption={t('outage.caption', { party })}
          columns={[
            t('outage.service'),
            t('outage.detectedAt'),
            t('outage.reportedAt'),
            t('outage.restoredAt'),
            t('outage.duration'),
          ]}
        >
          {data.items.map((o) => {
            const start = startOf(o);
            return (
              <tr key={o.id} className={o.restoredAt ? undefined : 'row--open'}>
                <th scope="row">{o.service}</th>
                <td className="nowrap">{when(o.detectedAt)}</td>
                <td className="nowrap">{when(o.reportedAt)}</td>
                <td className="nowrap">
                  {o.restoredAt ? (
                    when(o.restoredAt)
                  ) : operator ? (
                    <RestoreForm outage={o} onRestored={(r) => changed(t('outage.restored', { service: r.service }))} />
                  ) : (
                    <span className="badge badge--sla badge--sla-breached">{t('outage.ongoing')}</span>
                  )}
                </td>
                <td className="nowrap">
                  {o.restoredAt && start !== null ? duration(Date.parse(o.restoredAt) - start) : t('outage.ongoing')}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {operator && (
        <OutageForm party={party} onRecorded={(o) => changed(t('outage.recorded', { service: o.service }))} />
      )}
    </section>
  );
}
