import type { KnownError } from '../../../contract/processes.ts';
import { useState } from 'react';
import { query } from '../api.ts';
import { useGet } from '../ui/useGet.ts';

export interface KnownErrorQuery {
  q: string;
  service: string;
}

/** Known errors matching a search (GET /known-errors), searched again whenever the query is applied. */
export function useKnownErrors(initial: KnownErrorQuery = { q: '', service: '' }) {
  const [applied, setApplied] = useState<KnownErrorQuery>(initial);
  const loaded = useGet<{ items: KnownError[] }>(
    `/known-errors${query({ q: applied.q.trim(), service: applied.service.trim() })}`,
  );
  return {
    applied,
    search: setApplied,
    items: loaded.data?.items ?? null,
    loading: loaded.loading,
    error: loaded.error,
  };
}
