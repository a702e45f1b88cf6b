import { useState } from 'react';
import { api, query } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import type { MaintenanceWindow as CalendarWindow } from '../../../contract/services.ts';
import { href } from '../router.ts';
import { FormError } from '../ui/errors.tsx';
import { schedulesMaintenance } from '../ui/roles.ts';
import { useGet } from '../ui/useGet.ts';
import { MaintenanceForm } from './MaintenanceForm.tsx';
import { DataTable } from '../ui/DataTable.tsx';

const DAYS = 90;

/** Maintenance windows of every party for the next 90 days, joint ones with their partners,
 * status and release (COL-5, REL-2); a party's managers schedule and cancel its own. */
export function MaintenanceSection() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const [range] = useState(() => ({
    from: new Date().toISOString(),
    to: new Date(Date.now() + DAYS * 86_400_000).toISOString(),
  }));
  const {
    data,
    error: loadError,
    loading,
    reload,
  } = useGet<{ items: CalendarWindow[] }>(`/maintenance-windows${query(range)}`);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  // Joint windows belong to their release (proposed, accepted or refused there).
  const mayCancel = (w: CalendarWindow) =>
    !w.joint && schedulesMaintenance(user, w.party) && Date.parse(w.startsAt) > Date.now();

  async function cancel(w: CalendarWindow) {
    setError(null);
    try {
      await api.del(`/maintenance-windows/${w.id}`);
      setConfirming(null);
      setDone(t('maintenance.cancelled', { title: w.title }));
      await reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card block" aria-labelledby="maintenance-title" aria-busy={loading}>
      <h2 id="maintenance-title">{t('maintenance.title', { days: DAYS })}</h2>
      {done && (
        <p className="alert alert--success" role="status">
          {done}
        </p>
      )}
      <FormError error={error ?? loadError} />
      {data && data.items.length === 0 && <p className="empty">{t('maintenance.none')}</p>}
      {data && data.items.length > 0 && (
        <DataTable
          caption={t('maintenance.caption')}
          columns={[
            t('common.party'),
            t('maintenance.titleField'),
            t('maintenance.service'),
            t('maintenance.startsAt'),
            t('maintenance.endsAt'),
            t('window.partners'),
            t('window.status'),
            t('window.release'),
          ]}
          actions={t('maintenance.actions')}
        >
          {data.items.map((w) => (
            <tr key={w.id}>
              <td>{w.party}</td>
              <th scope="row">{w.title}</th>
              <td>{w.service ?? <span className="muted">{t('maintenance.allServices')}</span>}</td>
              <td className="nowrap">
                <time dateTime={w.startsAt}>{formatDate(w.startsAt)}</time>
              </td>
              <td className="nowrap">
                <time dateTime={w.endsAt}>{formatDate(w.endsAt)}</time>
              </td>
              <td>
                {w.joint ? (w.partners ?? []).join(', ') || '—' : <span className="muted">{t('window.ownOnly')}</span>}
              </td>
              <td>
                <span className={`badge badge--window-${w.status ?? 'scheduled'}`}>
                  {t(`window.status.${w.status ?? 'scheduled'}`)}
                </span>
              </td>
              <td>
                {w.releaseRef ? (
                  <a href={href(`/tickets/${w.releaseRef}`)} className="mono">
                    {w.releaseRef}
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="nowrap">
                {mayCancel(w) &&
                  (confirming === w.id ? (
                    <>
                      <button
                        type="button"
                        className="btn btn--small btn--danger"
                        autoFocus
                        onClick={() => void cancel(w)}
                      >
                        {t('maintenance.confirmCancel')}
                      </button>{' '}
                      <button type="button" className="btn btn--small btn--ghost" onClick={() => setConfirming(null)}>
                        {t('maintenance.keep')}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="btn btn--small"
                      aria-label={t('maintenance.cancelNamed', { title: w.title })}
                      onClick={() => setConfirming(w.id)}
                    >
                      {t('maintenance.cancel')}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {schedulesMaintenance(user, user.party) && (
        <MaintenanceForm
          party={user.party}
          onScheduled={(w) => {
            setDone(t('maintenance.scheduled', { title: w.title }));
            void reload();
          }}
        />
      )}
    </section>
  );
}
