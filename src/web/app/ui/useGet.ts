import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Loads the same path again (after a change). */
  reload(): Promise<void>;
  /** Replaces the data with what a write answered. */
  setData(data: T): void;
}

/** GETs `path` whenever it changes; an answer for an older path is dropped. */
export function useGet<T>(path: string): Loaded<T> {
  const [state, setState] = useState<{ path: string; data: T | null; error: unknown; loading: boolean }>({
    path,
    data: null,
    error: null,
    loading: true,
  });

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setState((previous) => ({ ...previous, error: null, loading: true }));
      try {
        const data = await api.get<T>(path);
        if (isCurrent()) setState({ path, data, error: null, loading: false });
      } catch (error) {
        if (isCurrent()) setState({ path, data: null, error, loading: false });
      }
    },
    [path],
  );

  useEffect(() => {
    let current = true;
    void load(() => current);
    return () => {
      current = false;
    };
  }, [load]);

  const reload = useCallback(() => load(() => true), [load]);
  const setData = useCallback((data: T) => setState({ path, data, error: null, loading: false }), [path]);
  // Data of a previous path is not shown as if it were the new one's.
  const data = state.path === path ? state.data : null;
  return {
    data,
    error: state.path === path ? state.error : null,
    loading: state.loading || state.path !== path,
    reload,
    setData,
  };
}
