import type { Party } from '../../../contract/directory.ts';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';

let cache: Promise<Party[]> | null = null;

/** The parties (GET /parties), loaded once per page load; null while loading. */
export function useParties(): Party[] | null {
  const [parties, setParties] = useState<Party[] | null>(null);
  useEffect(() => {
    let current = true;
    cache ??= api.get<{ items: Party[] }>('/parties').then(
      (r) => r.items,
      (error: unknown) => {
        cache = null;
        throw error;
      },
    );
    cache.then(
      (items) => current && setParties(items),
      (error: unknown) => console.error(error),
    );
    return () => {
      current = false;
    };
  }, []);
  return parties;
}
