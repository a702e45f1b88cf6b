import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { eventVisibleTo, knownErrorVisibleTo, ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Db } from './db.ts';
import { knownErrors, ticketEvents, tickets } from './schema/index.ts';
import { foldedSql, searchQuerySql } from './schema/search.ts';

/**
 * COL-6 full-text search, one query per source. Every source is read under the one visibility
 * rule (`policies/ticket-visibility.ts`): tickets and their comments through `ticketVisibleTo`,
 * comments also through `eventVisibleTo` (internal comments only for the party that wrote them),
 * known errors through their problem. Each source ranks at most its CANDIDATES newest matches
 * (a word present in most tickets would otherwise rank them all), then highlights its best rows.
 */
export const CANDIDATES = 1000;

/** ts_headline options: markers that ordinary text does not contain, an excerpt of 10–30 words. */
export const HEADLINE = `StartSel=\u27EA, StopSel=\u27EB, MaxWords=30, MinWords=10, MaxFragments=1`;
export const MARK_START = '\u27EA';
export const MARK_STOP = '\u27EB';

export interface RawHit {
  kind: 'ticket' | 'comment' | 'known_error' | 'wiki';
  id: string;
  ticketRef: string | null;
  title: string;
  /** The original text the excerpt is taken from and the excerpt on its folded form (with markers). */
  text: string;
  headline: string;
  rank: number;
  at: Date;
}

function headlineSql(text: SQL, query: SQL): SQL<string> {
  return sql<string>`ts_headline('french'::regconfig, ${foldedSql(text)}, ${query}, ${HEADLINE})`;
}

/** True when the words typed give a query at all (stop words alone give none). */
export async function queryHasTerms(db: Db, q: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`numnode(${searchQuerySql(q)})` }).from(sql`(select 1) as one`);
  return Number(row?.n ?? 0) > 0;
}

type Row = Record<string, unknown>;
async function rows<T extends Row>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Tickets whose reference, service, title or description match. */
export async function searchTicketTexts(db: Db, actor: Actor, q: string, limit: number): Promise<RawHit[]> {
  const query = searchQuerySql(q);
  const text = sql`c.title || E'\n' || c.description`;
  const found = await rows<{
    id: string;
    ref: string;
    title: string;
    text: string;
    headline: string;
    rank: number;
    at: string;
  }>(
    db,
    sql`select c.id, c.ref, c.title, ${text} as text, ${headlineSql(text, query)} as headline, c.rank, c.created_at as at
      from (
        select m.*, ts_rank(m.search, ${query}) as rank from (
          select ${tickets.id} as id, ${tickets.ref} as ref, ${tickets.title} as title, ${tickets.description} as description,
            ${tickets.search} as search, ${tickets.createdAt} as created_at
          from ${tickets}
          where ${and(ticketVisibleTo(actor), sql`${tickets.search} @@ ${query}`)}
          order by ${tickets.createdAt} desc limit ${CANDIDATES}
        ) m order by rank desc, m.created_at desc limit ${limit}
      ) c order by c.rank desc, c.created_at desc`,
  );
  return found.map((r) => ({
    kind: 'ticket',
    id: r.id,
    ticketRef: r.ref,
    title: r.title,
    text: r.text,
    headline: r.headline,
    rank: Number(r.rank),
    at: new Date(r.at),
  }));
}

/** Comments the reader may see (shared ones, and internal ones of their own party) on tickets they may see. */
export async function searchComments(db: Db, actor: Actor, q: string, limit: number): Promise<RawHit[]> {
  const query = searchQuerySql(q);
  const text = sql`c.body`;
  const found = await rows<{
    id: string;
    ref: string;
    title: string;
    text: string;
    headline: string;
    rank: number;
    at: string;
  }>(
    db,
    sql`select c.id, c.ref, c.title, c.body as text, ${headlineSql(text, query)} as headline, c.rank, c.created_at as at
      from (
        select m.*, ts_rank(m.search, ${query}) as rank from (
          select ${ticketEvents.id} as id, ${tickets.ref} as ref, ${tickets.title} as title,
            ${ticketEvents.data}->>'body' as body, ${ticketEvents.search} as search, ${ticketEvents.createdAt} as created_at
          from ${ticketEvents} join ${tickets} on ${eq(tickets.id, ticketEvents.ticketId)}
          where ${and(
            eq(ticketEvents.kind, 'comment'),
            sql`${ticketEvents.search} @@ ${query}`,
            eventVisibleTo(actor),
            ticketVisibleTo(actor),
          )}
          order by ${ticketEvents.createdAt} desc limit ${CANDIDATES}
        ) m order by rank desc, m.created_at desc limit ${limit}
      ) c order by c.rank desc, c.created_at desc`,
  );
  return found.map((r) => ({
    kind: 'comment',
    id: r.id,
    ticketRef: r.ref,
    title: r.title,
    text: r.text,
    headline: r.headline,
    rank: Number(r.rank),
    at: new Date(r.at),
  }));
}

/** Known errors read through their problem (COL-3). */
export async function searchKnownErrorTexts(db: Db, actor: Actor, q: string, limit: number): Promise<RawHit[]> {
  const query = searchQuerySql(q);
  const text = sql`${knownErrors.symptoms} || E'\n' || ${knownErrors.cause} || E'\n' || ${knownErrors.workaround}`;
  const found = await db
    .select({
      id: knownErrors.id,
      ref: tickets.ref,
      title: knownErrors.title,
      text: sql<string>`${text}`,
      headline: headlineSql(text, query),
      rank: sql<number>`ts_rank(${knownErrors.search}, ${query})`,
      at: knownErrors.publishedAt,
    })
    .from(knownErrors)
    .innerJoin(tickets, eq(tickets.id, knownErrors.problemId))
    .where(and(knownErrorVisibleTo(actor), sql`${knownErrors.search} @@ ${query}`))
    .orderBy(sql`ts_rank(${knownErrors.search}, ${query}) desc`, desc(knownErrors.publishedAt))
    .limit(limit);
  return found.map((r) => ({
    kind: 'known_error',
    id: r.id,
    ticketRef: r.ref,
    title: r.title,
    text: r.text,
    headline: r.headline,
    rank: Number(r.rank),
    at: r.at,
  }));
}
