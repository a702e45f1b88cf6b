import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { FormError } from '../ui/errors.tsx';
import { auditQuery, type AuditEntry, type AuditFilterValues, type AuditPage } from './auditTypes.ts';

const PAGE = 50;

/** The matching entries, newest first, 50 at a time ("Older entries" reads the next page). */
export function AuditEntries({ filter }: { filter: AuditFilterValues }) {
  const { t, formatDate } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  async function load(before: number | null, current: () => boolean = () => true) {
    setLoading(true);
    setError(null);
    try {
      const extra: Record<string, string> = { limit: String(PAGE) };
      if (before !== null) extra.before = String(before);
      const page = await api.get<AuditPage>(`/audit/entries?${auditQuery(filter, extra)}`);
      if (!current()) return;
      setEntries((old) => (before === null ? page.entries : [...old, ...page.entries]));
      setNext(page.next);
    } catch (caught) {
      if (current()) setError(caught);
    } finally {
      if (current()) setLoading(false);
    }
  }

  useEffect(() => {
    let current = true;
    void load(null, () => current);
    return () => {
      current = false;
    };
  }, [filter]);

  return (
    <section aria-labelledby="audit-entries-title">
      <h2 id="audit-entries-title">{t('audit.entries')}</h2>
      <p className="report-links">
        <a className="btn btn--small" href={`/api/v1/audit/entries.csv?${auditQuery(filter)}`} download>
          {t('audit.exportCsv')}
        </a>
        <a className="btn btn--small btn--ghost" href={`/api/v1/audit/entries.jsonl?${auditQuery(filter)}`} download>
          {t('audit.exportJsonl')}
        </a>
      </p>
      <FormError error={error} />
      {entries.length === 0 ? (
        <p className="empty">{loading ? t('common.loading') : t('audit.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="grid grid--compact">
            <caption className="visually-hidden">{t('audit.entries')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('audit.seq')}
                </th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.ticket')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td>{formatDate(e.at)}</td>
                  <td>{e.actor ? (e.actor.username ?? e.actor.id) : t('audit.system')}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.ticketRef ? <a href={href(`/tickets/${e.ticketRef}`)}>{e.ticketRef}</a> : ''}</td>
                  <td>
                    <code className="audit-data">{JSON.stringify(e.data)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" className="btn btn--ghost" disabled={loading} onClick={() => void load(next)}>
          {t('audit.older')}
        </button>
      )}
    </section>
  );
}
