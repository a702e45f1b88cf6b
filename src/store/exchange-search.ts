import { and, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { sharedRecordVisibleTo } from '../policies/shared-records.ts';
import { exchanges } from './schema/index.ts';

/**
 * Information exchanges (CBM-3) the reader's clearance covers whose title, text or translation
 * match (COL-6): one part of `store/search.ts#searchSharedTexts`.
 */
export function exchangeHitsSql(actor: Actor, query: SQL, limit: number): SQL {
  return sql`(select 'exchange' as kind, ${exchanges.id}::text as id, null::text as ref, ${exchanges.title} as title,
      ${exchanges.body} || coalesce(E'\n\n' || ${exchanges.bodyEn}, '') as text,
      ts_rank(${exchanges.search}, ${query}) as rank, ${exchanges.createdAt} as at
    from ${exchanges}
    where ${and(sharedRecordVisibleTo(actor, exchanges.sensitivity), sql`${exchanges.search} @@ ${query}`)}
    order by rank desc, at desc limit ${limit})`;
}
