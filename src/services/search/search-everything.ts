import type { ServiceContext } from '../write-path/context.ts';
import {
  headlines,
  queryHasTerms,
  searchComments,
  searchSharedTexts,
  searchTicketTexts,
  type RawHit,
} from '../../store/search.ts';
import { excerptOf, type ExcerptPart } from './excerpt.ts';

import { SEARCH_KINDS, type SearchKind } from '../../domain/search.ts';
export { SEARCH_KINDS, type SearchKind };

export interface SearchInput {
  q: string;
  kinds?: SearchKind[] | undefined;
  limit: number;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** The ticket (or the known error's problem) the hit belongs to; the page's slug for the wiki. */
  ticketRef: string | null;
  title: string;
  excerpt: ExcerptPart[];
  rank: number;
  at: Date;
}

/**
 * COL-6: one search over everything the reader may see — tickets, comments, known errors,
 * wiki pages and information exchanges —, best matches first, each with a highlighted excerpt. Each source applies the
 * visibility rule in its query; nothing is filtered after the fact.
 */
export async function searchEverything(ctx: ServiceContext, input: SearchInput): Promise<{ results: SearchHit[] }> {
  const q = input.q.trim();
  if (!(await queryHasTerms(ctx.db, q))) return { results: [] };
  const kinds = new Set(input.kinds?.length ? input.kinds : SEARCH_KINDS);
  const hits: RawHit[] = [];
  // One after the other: on PGlite the store is one connection anyway.
  if (kinds.has('ticket')) hits.push(...(await searchTicketTexts(ctx.db, ctx.actor, q, input.limit)));
  if (kinds.has('comment')) hits.push(...(await searchComments(ctx.db, ctx.actor, q, input.limit)));
  const shared = (['known_error', 'wiki', 'exchange'] as const).filter((kind) => kinds.has(kind));
  hits.push(...(await searchSharedTexts(ctx.db, ctx.actor, q, input.limit, shared)));
  hits.sort((a, b) => b.rank - a.rank || b.at.getTime() - a.at.getTime());
  const shown = hits.slice(0, input.limit);
  const marked = await headlines(
    ctx.db,
    q,
    shown.map((h) => h.text),
  );
  return {
    results: shown.map((h, i) => ({
      kind: h.kind,
      id: h.id,
      ticketRef: h.ticketRef,
      title: h.title,
      excerpt: excerptOf(h.text, marked[i] ?? ''),
      rank: h.rank,
      at: h.at,
    })),
  };
}
