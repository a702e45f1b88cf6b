import type { DirectoryUser, Party } from '../../../../contract/directory.ts';
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';

export interface Directory {
  parties: Party[];
  users: DirectoryUser[];
  loaded: boolean;
}

let cache: Promise<Directory> | null = null;

function load(): Promise<Directory> {
  cache ??= Promise.all([api.get<{ items: Party[] }>('/parties'), api.get<{ items: DirectoryUser[] }>('/users')]).then(
    ([parties, users]) => ({ parties: parties.items, users: users.items, loaded: true }),
    (error: unknown) => {
      cache = null;
      throw error;
    },
  );
  return cache;
}

/** Parties with their groups and the people of the user's own party (loaded once per page view). */
export function useDirectory(): Directory {
  const [directory, setDirectory] = useState<Directory>({ parties: [], users: [], loaded: false });
  useEffect(() => {
    let current = true;
    load().then(
      (d) => current && setDirectory(d),
      (error: unknown) => console.error(error),
    );
    return () => {
      current = false;
    };
  }, []);
  return directory;
}

/** Forgets the cached directory (after signing out). */
export function clearDirectory(): void {
  cache = null;
}
