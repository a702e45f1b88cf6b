import { query } from '../api.ts';

export type Sort = '-createdAt' | 'createdAt' | '-updatedAt' | 'updatedAt' | 'priority' | '-priority';

export interface QueueFilters {
  type: string;
  status: string[];
  priority: string;
  owner: string;
  mine: boolean;
  q: string;
  sort: Sort;
}

export const EMPTY_FILTERS: QueueFilters = { type: '', status: [], priority: '', owner: '', mine: false, q: '', sort: '-createdAt' };
const KEY = 'passerelle.queue';

/** The filters last used in this tab, so coming back from a ticket keeps them. */
export function loadFilters(): QueueFilters {
  try {
    const saved = sessionStorage.getItem(KEY);
    return saved ? { ...EMPTY_FILTERS, ...(JSON.parse(saved) as Partial<QueueFilters>) } : EMPTY_FILTERS;
  } catch {
    return EMPTY_FILTERS;
  }
}

export function saveFilters(filters: QueueFilters): void {
  sessionStorage.setItem(KEY, JSON.stringify(filters));
}

/** The list URL for the filters and an optional page cursor. */
export function listPath(filters: QueueFilters, cursor?: string): string {
  return (
    '/tickets' +
    query({
      type: filters.type,
      status: filters.status.join(','),
      priority: filters.priority,
      owner: filters.owner,
      assignee: filters.mine ? 'me' : '',
      q: filters.q.trim(),
      sort: filters.sort,
      limit: '50',
      cursor,
    })
  );
}
