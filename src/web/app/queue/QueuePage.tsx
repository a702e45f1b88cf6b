import type { Party } from '../../../contract/directory.ts';
import type { TicketList, TicketSummary } from '../../../contract/schemas.ts';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { href, PROCESS_PATHS, type QueueType } from '../router.ts';
import { useLiveTickets } from '../live.ts';
import { useSession } from '../session.tsx';
import { recordsSecurityIncidents } from '../ui/roles.ts';
import { FormError } from '../ui/errors.tsx';
import { useTitle } from '../ui/useTitle.ts';
import { FilterBar } from './FilterBar.tsx';
import { listPath, loadFilters, saveFilters, type QueueFilters } from './filters.ts';
import { BulkBar, BulkOutcomes, type Outcome } from './BulkBar.tsx';
import { QueueTable } from './QueueTable.tsx';
import { SavedViews } from './SavedViews.tsx';

/** The ticket queue, or the queue of one process type: filters, sortable table and "load more" paging. */
export function QueuePage({ type }: { type?: QueueType | undefined }) {
  const { t } = useI18n();
  const { user } = useSession();
  const title = type ? t(`queue.title.${type}`) : t('queue.title');
  useTitle(title);
  const [filters, setFilters] = useState<QueueFilters>(() => loadFilters(type));
  const [parties, setParties] = useState<Party[]>([]);
  const [items, setItems] = useState<TicketSummary[]>([]);
  const [total, setTotal] = useState<number | string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reloads, setReloads] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const select = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  useEffect(() => {
    api.get<{ items: Party[] }>('/parties').then(
      (r) => setParties(r.items),
      () => setParties([]),
    );
  }, []);

  // Each load of the list; a live refresh answered after a newer load is dropped.
  const loads = useRef(0);
  useEffect(() => {
    let current = true;
    loads.current++;
    saveFilters(filters, type);
    setLoading(true);
    setError(null);
    api.get<TicketList>(listPath(filters)).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setTotal(page.totalCapped ? `${page.total}+` : page.total);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (caught: unknown) => {
        if (!current) return;
        setError(caught);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [filters, type, reloads]);

  // Live refresh: tickets changed somewhere: the rows shown are read again, quietly (no "loading"),
  // as many as are shown; a failed refresh leaves the list as it was until the next change.
  useLiveTickets(() => {
    const load = loads.current;
    const limit = Math.min(200, Math.max(50, items.length));
    api.get<TicketList>(listPath(filters, undefined, limit)).then(
      (page) => {
        if (load !== loads.current) return;
        setItems(page.items);
        setTotal(page.totalCapped ? `${page.total}+` : page.total);
        setCursor(page.nextCursor);
      },
      () => undefined,
    );
  });

  async function loadMore() {
    if (!cursor) return;
    loads.current++;
    setLoading(true);
    try {
      const page = await api.get<TicketList>(listPath(filters, cursor));
      setItems((previous) => [...previous, ...page.items]);
      setTotal(page.totalCapped ? `${page.total}+` : page.total);
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }

  return (
    <section className="page" aria-labelledby="queue-title">
      <div className="page-head">
        <h1 id="queue-title">{title}</h1>
        {type === 'security' ? (
          recordsSecurityIncidents(user) && (
            <a className="btn btn--primary" href={href('/security/new')}>
              {t('new.security.button')}
            </a>
          )
        ) : type ? (
          <a className="btn btn--primary" href={href(`/${PROCESS_PATHS[type]}/new`)}>
            {t(`new.${type}.button`)}
          </a>
        ) : (
          <a className="btn btn--primary" href={href('/incidents/new')}>
            {t('nav.newIncident')}
          </a>
        )}
      </div>
      <FilterBar filters={filters} parties={parties} onChange={setFilters} fixedType={type} />
      <SavedViews filters={filters} fixedType={type} onApply={setFilters} />
      <p className="queue-count" role="status" aria-live="polite">
        {total === null
          ? t('common.loading')
          : t(total === 1 ? 'queue.countOne' : 'queue.count', { shown: items.length, total })}
      </p>
      <FormError error={error} />
      {outcomes.length > 0 && <BulkOutcomes outcomes={outcomes} />}
      {selected.size > 0 && (
        <BulkBar
          selected={items.filter((item) => selected.has(item.id))}
          onDone={(results) => {
            setOutcomes(results);
            setSelected(new Set());
            setReloads((n) => n + 1);
          }}
        />
      )}
      {items.length > 0 ? (
        <QueueTable
          items={items}
          selected={selected}
          onSelect={select}
          sort={filters.sort}
          onSort={(sort) => setFilters({ ...filters, sort })}
        />
      ) : (
        !loading && !error && <p className="empty">{t('queue.empty')}</p>
      )}
      {cursor && (
        <div className="load-more">
          <button type="button" className="btn" onClick={() => void loadMore()} disabled={loading}>
            {loading ? t('common.loading') : t('queue.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
