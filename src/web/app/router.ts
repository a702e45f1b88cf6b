import { useEffect, useState } from 'react';

/** The path held in the location hash: `#/tickets/EU-INC-2026-000001` → `/tickets/EU-INC-2026-000001`. */
export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/' + hash;
}

/** Goes to a console path (hash routing, so the server needs no route table). */
export function navigate(path: string): void {
  window.location.hash = path;
}

/** The href of a console path, for plain links. */
export function href(path: string): string {
  return '#' + path;
}

/** Ticket types with their own queue and creation page. */
export const PROCESS_TYPES = ['problem', 'request', 'change', 'release', 'consultation'] as const;
export type ProcessType = (typeof PROCESS_TYPES)[number];
/** The path segment of a process type: `problem` → `problems`. */
export const PROCESS_PATHS: Record<ProcessType, string> = {
  problem: 'problems',
  request: 'requests',
  change: 'changes',
  release: 'releases',
  consultation: 'consultations',
};

/** The cooperation pages (CBM-1 … CBM-6), each a list with a detail per id. */
export const CBM_AREAS = ['contacts', 'vulnerabilities', 'glossary', 'exchanges', 'meetings'] as const;
export type CbmArea = (typeof CBM_AREAS)[number];

export type Route =
  | { page: 'queue'; type?: QueueType }
  | { page: 'new-incident' }
  | { page: 'new-security' }
  | { page: 'new-problem'; incidents: string[] }
  | { page: 'new-request'; item: string }
  | { page: 'new-change'; originKind: string; originTicket: string }
  | { page: 'new-release'; changes: string[] }
  | { page: 'new-consultation' }
  | { page: 'cbm'; area: CbmArea; id: string }
  | { page: 'known-errors'; id: string }
  | { page: 'ticket'; ref: string }
  | { page: 'settings' }
  | { page: 'notifications' }
  | { page: 'reports' }
  | { page: 'calendar' }
  | { page: 'assets' }
  | { page: 'certificates' }
  | { page: 'access-reviews' }
  | { page: 'agreement' }
  | { page: 'webhooks' }
  | { page: 'admin' }
  | { page: 'search'; q: string }
  | { page: 'wiki' }
  | { page: 'wiki-page'; slug: string }
  | { page: 'audit' }
  | { page: 'not-found' };

/** Queues of one type: the process types and security incidents (`#/security`). */
export type QueueType = ProcessType | 'security';

const SIMPLE_PAGES = [
  'settings',
  'notifications',
  'reports',
  'calendar',
  'assets',
  'certificates',
  'access-reviews',
  'agreement',
  'webhooks',
  'admin',
  'audit',
] as const;

/** A list of references from a query parameter (`a,b c`). */
function refs(value: string | null): string[] {
  return (value ?? '').split(/[\s,;]+/).filter(Boolean);
}

/** The page creating a ticket of a process type, prefilled from the query string. */
function newProcessRoute(type: ProcessType, params: URLSearchParams): Route {
  switch (type) {
    case 'problem':
      return { page: 'new-problem', incidents: refs(params.get('incidents')) };
    case 'request':
      return { page: 'new-request', item: params.get('item') ?? '' };
    case 'change':
      return { page: 'new-change', originKind: params.get('origin') ?? '', originTicket: params.get('ticket') ?? '' };
    case 'release':
      return { page: 'new-release', changes: refs(params.get('changes')) };
    case 'consultation':
      return { page: 'new-consultation' };
  }
}

/** Parses a path (with an optional `?query`) into a page. */
export function parseRoute(path: string): Route {
  const [pathname = '', search = ''] = path.split('?');
  const params = new URLSearchParams(search);
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'tickets')) return { page: 'queue' };
  if (parts[0] === 'incidents' && parts[1] === 'new' && parts.length === 2) return { page: 'new-incident' };
  if (parts[0] === 'security' && parts.length === 1) return { page: 'queue', type: 'security' };
  if (parts[0] === 'security' && parts[1] === 'new' && parts.length === 2) return { page: 'new-security' };
  const type = PROCESS_TYPES.find((candidate) => PROCESS_PATHS[candidate] === parts[0]);
  if (type && parts.length === 1) return { page: 'queue', type };
  if (type && parts.length === 2 && parts[1] === 'new') return newProcessRoute(type, params);
  if (parts[0] === 'known-errors' && parts.length === 1) return { page: 'known-errors', id: params.get('id') ?? '' };
  if (parts[0] === 'tickets' && parts.length === 2) return { page: 'ticket', ref: parts[1]! };
  const area = CBM_AREAS.find((candidate) => candidate === parts[0]);
  if (area && parts.length <= 2 && area !== 'contacts') return { page: 'cbm', area, id: parts[1] ?? '' };
  if (area === 'contacts' && parts.length === 1) return { page: 'cbm', area, id: '' };
  if (parts[0] === 'search' && parts.length === 1) return { page: 'search', q: params.get('q') ?? '' };
  if (parts[0] === 'wiki' && parts.length === 1) return { page: 'wiki' };
  if (parts[0] === 'wiki' && parts.length === 2) return { page: 'wiki-page', slug: parts[1]! };
  const simple = SIMPLE_PAGES.find((page) => page === parts[0]);
  if (simple && parts.length === 1) return { page: simple };
  return { page: 'not-found' };
}

/** The current console path, updated on every hash change. */
export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

/** The token of a one-time account link page (`#/account-link/<token>`), shown signed in or not. */
export function accountLinkToken(path: string): string | null {
  const match = /^\/account-link\/([A-Za-z0-9_-]+)$/.exec(path);
  return match ? match[1]! : null;
}
