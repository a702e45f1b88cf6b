import type { TicketSummary } from '../../../contract/schemas.ts';
import { useI18n } from '../i18n.tsx';
import { href } from '../router.ts';
import { PriorityBadge, SensitivityBadge, StatusBadge } from '../ui/badges.tsx';
import { SlaCell } from '../ui/SlaCell.tsx';
import type { Sort } from './filters.ts';
import { SortHeader } from './SortHeader.tsx';

interface Props {
  items: TicketSummary[];
  /** Ids of the tickets ticked for a bulk action. */
  selected: ReadonlySet<string>;
  onSelect(id: string, on: boolean): void;
  sort: Sort;
  onSort(sort: Sort): void;
}

/** The ticket list; Priority, Created and Updated headers sort it; rows at risk or breached are coloured. */
export function QueueTable({ items, selected, onSelect, sort, onSort }: Props) {
  const { t, formatDate } = useI18n();
  const withSla = items.some((item) => item.sla !== undefined);

  return (
    <div className="table-wrap">
      <table className="grid grid--cards">
        <caption className="visually-hidden">{t('queue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('bulk.select')}</span>
            </th>
            <th scope="col">{t('ticket.ref')}</th>
            <th scope="col">{t('ticket.title')}</th>
            <th scope="col">{t('ticket.status')}</th>
            <SortHeader sort={sort} onSort={onSort} keyName="priority" label={t('ticket.priority')} />
            <th scope="col">{t('ticket.ownerParty')}</th>
            <th scope="col">{t('ticket.holderParty')}</th>
            <th scope="col">{t('ticket.group')}</th>
            <th scope="col">{t('ticket.assignee')}</th>
            <th scope="col">{t('ticket.sensitivity')}</th>
            {withSla && <SortHeader sort={sort} onSort={onSort} keyName="slaDueAt" label={t('ticket.sla')} />}
            <SortHeader sort={sort} onSort={onSort} keyName="createdAt" label={t('ticket.createdAt')} />
            <SortHeader sort={sort} onSort={onSort} keyName="updatedAt" label={t('ticket.updatedAt')} />
          </tr>
        </thead>
        <tbody>
          {items.map((ticket) => (
            <tr
              key={ticket.id}
              className={ticket.sla?.level && ticket.sla.level !== 'ok' ? `row--sla-${ticket.sla.level}` : undefined}
            >
              <td data-label={t('bulk.select')}>
                <input
                  type="checkbox"
                  aria-label={t('bulk.selectOne', { ref: ticket.ref })}
                  checked={selected.has(ticket.id)}
                  onChange={(e) => onSelect(ticket.id, e.target.checked)}
                />
              </td>
              <td className="nowrap mono" data-label={t('ticket.ref')}>
                <a href={href(`/tickets/${ticket.ref}`)}>{ticket.ref}</a>
              </td>
              <td className="cell-title" data-label={t('ticket.title')}>
                {ticket.title}
              </td>
              <td data-label={t('ticket.status')}>
                <StatusBadge status={ticket.status} />
              </td>
              <td data-label={t('ticket.priority')}>
                <PriorityBadge priority={ticket.priority} />
              </td>
              <td data-label={t('ticket.ownerParty')}>{ticket.ownerParty}</td>
              <td data-label={t('ticket.holderParty')}>{ticket.holderParty}</td>
              <td data-label={t('ticket.group')}>{ticket.group?.name ?? <span className="muted">—</span>}</td>
              <td data-label={t('ticket.assignee')}>
                {ticket.assignee?.displayName ?? <span className="muted">{t('ticket.unassigned')}</span>}
              </td>
              <td data-label={t('ticket.sensitivity')}>
                <SensitivityBadge sensitivity={ticket.sensitivity} />
              </td>
              {withSla && (
                <td data-label={t('ticket.sla')}>
                  <SlaCell sla={ticket.sla} />
                </td>
              )}
              <td className="nowrap" data-label={t('ticket.createdAt')}>
                {formatDate(ticket.createdAt)}
              </td>
              <td className="nowrap" data-label={t('ticket.updatedAt')}>
                {formatDate(ticket.updatedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
