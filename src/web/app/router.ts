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

export type Route =
  | { page: 'queue' }
  | { page: 'new-incident' }
  | { page: 'ticket'; ref: string }
  | { page: 'settings' }
  | { page: 'notifications' }
  | { page: 'reports' }
  | { page: 'calendar' }
  | { page: 'not-found' };

const SIMPLE_PAGES = ['settings', 'notifications', 'reports', 'calendar'] as const;

/** Parses a path into a page. */
export function parseRoute(path: string): Route {
  const parts = path.split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'tickets')) return { page: 'queue' };
  if (parts[0] === 'incidents' && parts[1] === 'new' && parts.length === 2) return { page: 'new-incident' };
  if (parts[0] === 'tickets' && parts.length === 2) return { page: 'ticket', ref: parts[1]! };
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
