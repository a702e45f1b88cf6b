import { and, desc, sql } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { sharedRecordVisibleTo } from '../policies/shared-records.ts';
import type { Db } from './db.ts';
import { exchanges } from './schema/index.ts';
import { searchQuerySql } from './schema/search.ts';
import type { RawHit } from './search.ts';

/** Information exchanges (CBM-3) the reader's clearance covers whose title, text or translation match (COL-6). */
export async function searchExchangeTexts(db: Db, actor: Actor, q: string, limit: number): Promise<RawHit[]> {
  const query = searchQuerySql(q);
  const rank = sql<number>`ts_rank(${exchanges.search}, ${query})`;
  const found = await db
    .select({
      id: exchanges.id,
      title: exchanges.title,
      text: sql<string>`${exchanges.body} || coalesce(E'\n\n' || ${exchanges.bodyEn}, '')`,
      rank,
      at: exchanges.createdAt,
    })
    .from(exchanges)
    .where(and(sharedRecordVisibleTo(actor, exchanges.sensitivity), sql`${exchanges.search} @@ ${query}`))
    .orderBy(desc(rank), desc(exchanges.createdAt))
    .limit(limit);
  return found.map((r) => ({
    kind: 'exchange',
    id: r.id,
    ticketRef: null,
    title: r.title,
    text: r.text,
    rank: Number(r.rank),
    at: r.at,
  }));
}
