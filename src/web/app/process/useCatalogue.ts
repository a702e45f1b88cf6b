import type { CatalogueItem } from '../../../contract/processes.ts';
import { query } from '../api.ts';
import { useGet } from '../ui/useGet.ts';

/** The active catalogue items of a kind (GET /catalogue), of `party` or else the user's party. */
export function useCatalogue(kind: CatalogueItem['kind'], party?: string) {
  const loaded = useGet<{ items: CatalogueItem[] }>(`/catalogue${query({ kind, party })}`);
  const items = (loaded.data?.items ?? []).filter((item) => item.active !== false);
  return { items, loading: loaded.loading, error: loaded.error };
}
