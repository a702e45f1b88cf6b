import { z } from 'zod';
import { SEARCH_KINDS } from '../domain/search.ts';
import type { Wire } from './schemas.ts';

/** One result of a search. */
export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.uuid(),
  ticketRef: z.string().nullable().describe('The ticket (comment), the problem (known error) or the page slug (wiki)'),
  title: z.string(),
  excerpt: z
    .array(z.object({ text: z.string(), match: z.boolean() }))
    .describe('The excerpt as parts; `match` marks the words found'),
  rank: z.number(),
  at: z.date(),
});
export type SearchHit = Wire<z.output<typeof SearchHit>>;

/** What `GET /search` answers: the results the caller may see, best first. */
export const SearchResults = z.object({ results: z.array(SearchHit) });
