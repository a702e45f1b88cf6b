import { z } from 'zod';
import { TICKET_SORTS, type TicketSort } from '../../../domain/ticket-types.ts';
import { query } from '../api.ts';
import { STATUSES_BY_TYPE } from '../ui/constants.ts';

export type Sort = TicketSort;

export const ASSIGNED = ['mine', 'me', ''] as const;
export type Assigned = (typeof ASSIGNED)[number];

/** The queue's filters as kept in the tab (sessionStorage), parsed back when the queue opens again. */
const QueueFiltersSchema = z.object({
  type: z.string(),
  status: z.array(z.string()),
  priority: z.string(),
  owner: z.string(),
  /** Whose tickets: anyone's, those of my groups and me, or mine only. */
  assigned: z.enum(ASSIGNED),
  /** Only tickets still open (when no status is ticked). */
  openOnly: z.boolean(),
  q: z.string(),
  sort: z.enum(TICKET_SORTS),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

/** Every status a ticket of some type is still open in (not closed, not rejected). */
export const OPEN_STATUSES = [...new Set(Object.values(STATUSES_BY_TYPE).flat())].filter(
  (status) => status !== 'closed' && status !== 'rejected',
);

/** The default view of a day's work: open tickets of my groups and me. */
export const EMPTY_FILTERS: QueueFilters = {
  type: '',
  status: [],
  priority: '',
  owner: '',
  assigned: 'mine',
  openOnly: true,
  q: '',
  sort: '-createdAt',
};
const KEY = 'passerelle.queue';

/** The storage key of a queue: the whole queue, or the queue of one type (`#/problems`…). */
function keyOf(fixedType?: string): string {
  return fixedType ? `${KEY}.${fixedType}` : KEY;
}

/** The filters last used in this tab, so coming back from a ticket keeps them; a type queue keeps its type. */
export function loadFilters(fixedType?: string): QueueFilters {
  const base = fixedType ? { ...EMPTY_FILTERS, type: fixedType } : EMPTY_FILTERS;
  try {
    const saved = sessionStorage.getItem(keyOf(fixedType));
    const kept = saved ? QueueFiltersSchema.partial().safeParse(JSON.parse(saved)) : null;
    const filters = kept?.success ? { ...base, ...kept.data } : base;
    return fixedType ? { ...filters, type: fixedType } : filters;
  } catch {
    return base;
  }
}

/** Forgets every queue's filters (sign-out: the next person at a shared desk starts afresh). */
export function clearFilters(): void {
  for (const key of Object.keys(sessionStorage))
    if (key === KEY || key.startsWith(`${KEY}.`)) sessionStorage.removeItem(key);
}

export function saveFilters(filters: QueueFilters, fixedType?: string): void {
  sessionStorage.setItem(keyOf(fixedType), JSON.stringify(filters));
}

/** The filter and sort of the queue as the ticket list takes them (and as a saved view keeps them), empty ones left out. */
export function viewQuery(filters: QueueFilters): Record<string, string> {
  const all: Record<string, string> = {
    type: filters.type,
    status: (filters.status.length ? filters.status : filters.openOnly ? OPEN_STATUSES : []).join(','),
    priority: filters.priority,
    owner: filters.owner,
    assignee: filters.assigned,
    q: filters.q.trim(),
    sort: filters.sort,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== ''));
}

/** The queue filters of a saved view's query (the reverse of `viewQuery`). */
export function filtersOfView(query: Record<string, string | undefined>): QueueFilters {
  const status = query.status ? query.status.split(',') : [];
  const openOnly = status.length > 0 && status.join(',') === OPEN_STATUSES.join(',');
  const assigned = ASSIGNED.find((a) => a !== '' && a === query.assignee) ?? '';
  return {
    type: query.type ?? '',
    status: openOnly ? [] : status,
    priority: query.priority ?? '',
    owner: query.owner ?? '',
    assigned,
    openOnly,
    q: query.q ?? '',
    sort: TICKET_SORTS.find((s) => s === query.sort) ?? EMPTY_FILTERS.sort,
  };
}

/** The list URL for the filters and an optional page cursor. */
export function listPath(filters: QueueFilters, cursor?: string, limit = 50): string {
  return '/tickets' + query({ ...viewQuery(filters), limit: String(limit), cursor });
}
