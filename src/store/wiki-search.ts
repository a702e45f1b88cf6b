import { and, desc, sql } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { wikiPageVisibleTo } from '../policies/wiki-visibility.ts';
import type { Db } from './db.ts';
import { wikiPages } from './schema/index.ts';
import { searchQuerySql } from './schema/search.ts';
import type { RawHit } from './search.ts';

/** Wiki pages the reader may see whose title or text match (COL-4, COL-6). */
export async function searchWikiTexts(db: Db, actor: Actor, q: string, limit: number): Promise<RawHit[]> {
  const query = searchQuerySql(q);
  const rank = sql<number>`ts_rank(${wikiPages.search}, ${query})`;
  const found = await db
    .select({
      id: wikiPages.id,
      slug: wikiPages.slug,
      title: wikiPages.title,
      text: wikiPages.body,
      rank,
      at: wikiPages.updatedAt,
    })
    .from(wikiPages)
    .where(and(wikiPageVisibleTo(actor), sql`${wikiPages.search} @@ ${query}`))
    .orderBy(desc(rank), desc(wikiPages.updatedAt))
    .limit(limit);
  return found.map((r) => ({
    kind: 'wiki',
    id: r.id,
    ticketRef: r.slug,
    title: r.title,
    text: r.text,
    rank: Number(r.rank),
    at: r.at,
  }));
}
