import { and, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { wikiPageVisibleTo } from '../policies/wiki-visibility.ts';
import { wikiPages } from './schema/index.ts';

/**
 * Wiki pages the reader may see whose title or text match (COL-4, COL-6): one part of
 * `store/search.ts#searchSharedTexts` (the page's slug stands in for the ticket reference).
 */
export function wikiHitsSql(actor: Actor, query: SQL, limit: number): SQL {
  return sql`(select 'wiki' as kind, ${wikiPages.id}::text as id, ${wikiPages.slug} as ref, ${wikiPages.title} as title,
      ${wikiPages.body} as text, ts_rank(${wikiPages.search}, ${query}) as rank, ${wikiPages.updatedAt} as at
    from ${wikiPages}
    where ${and(wikiPageVisibleTo(actor), sql`${wikiPages.search} @@ ${query}`)}
    order by rank desc, at desc limit ${limit})`;
}
