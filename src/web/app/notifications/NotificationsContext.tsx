import type { AppNotification, NotificationList } from '../../../contract/services.ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../api.ts';

const REFRESH_MS = 30_000;

export interface Notifications {
  /** Unread count; null until first loaded. */
  unread: number | null;
  items: AppNotification[] | null;
  error: unknown;
  refresh(): Promise<void>;
  /** Marks some notifications (or all) read, then reloads the list. */
  markRead(ids: string[] | 'all'): Promise<void>;
}

const NotificationsContext = createContext<Notifications | null>(null);

/** The signed-in user's notifications (COL-1): loaded on every navigation and every 30 s. */
export function NotificationsProvider({ path, children }: { path: string; children: ReactNode }) {
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sequence = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++sequence.current;
    try {
      const next = await api.get<NotificationList>('/notifications?limit=100');
      // An older answer arriving after a newer one must not win.
      if (mine !== sequence.current) return;
      setList(next);
      setError(null);
    } catch (caught) {
      if (mine === sequence.current) setError(caught);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [path, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (!document.hidden) void refresh();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const markRead = useCallback(
    async (ids: string[] | 'all') => {
      await api.post('/notifications/read', ids === 'all' ? { all: true } : { ids });
      await refresh();
    },
    [refresh],
  );

  const value = useMemo<Notifications>(
    () => ({ unread: list?.unread ?? null, items: list?.items ?? null, error, refresh, markRead }),
    [list, error, refresh, markRead],
  );
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

/** The notifications of the signed-in user. */
export function useNotifications(): Notifications {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications outside NotificationsProvider');
  return value;
}
