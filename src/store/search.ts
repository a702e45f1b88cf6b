import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { eventVisibleTo, knownErrorVisibleTo, ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Db } from './db.ts';
import { knownErrors, ticketEvents, tickets } from './schema/index.ts';
import { foldedSql, inMonthsSql, monthLexeme, searchQuerySql } from './schema/search.ts';
import { exchangeHitsSql } from './exchange-search.ts';
import { wikiHitsSql } from './wiki-search.ts';

/**
 * COL-6 full-text search, one query per source. Every source is read under the one visibility
 * rule (`policies/ticket-visibility.ts`): tickets and their comments through `ticketVisibleTo`,
 * comments also through `eventVisibleTo` (internal comments only for the party that wrote them),
 * known errors through their problem. Tickets and comments rank at most CANDIDATES matches,
 * looked for first among the rows of the last two months (`recentFirst`): a word present in most
 * tickets would otherwise have them all read and ranked. Excerpts are made last, for the hits
 * shown only (`headlines`).
 */
export const CANDIDATES = 100;

/** ts_headline options: markers that ordinary text does not contain, an excerpt of 10–30 words. */
const HEADLINE = `StartSel=\u27EA, StopSel=\u27EB, MaxWords=30, MinWords=10, MaxFragments=1`;
export const MARK_START = '\u27EA';
export const MARK_STOP = '\u27EB';

export interface RawHit {
  kind: 'ticket' | 'comment' | 'known_error' | 'wiki' | 'exchange';
  id: string;
  ticketRef: string | null;
  title: string;
  /** The original text the excerpt is taken from. */
  text: string;
  rank: number;
  at: Date;
}

/** True when the words typed give a query at all (stop words alone give none). */
export async function queryHasTerms(db: Db, q: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`numnode(${searchQuerySql(q)})` }).from(sql`(select 1) as one`);
  return Number(row?.n ?? 0) > 0;
}

/**
 * The excerpt of each text around the words found, marked on its folded form (one query for
 * all the hits shown; `services/search/excerpt.ts` maps the marks back onto the original).
 */
export async function headlines(db: Db, q: string, texts: string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const found = await rows<{ h: string }>(
    db,
    sql`select ts_headline('french'::regconfig, ${foldedSql(sql`t.x`)}, ${searchQuerySql(q)}, ${HEADLINE}) as h
      from unnest(array[${sql.join(
        texts.map((t) => sql`${t}::text`),
        sql`, `,
      )}]) with ordinality as t(x, n) order by t.n`,
  );
  return found.map((r) => r.h);
}

type Row = Record<string, unknown>;
async function rows<T extends Row>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The lexemes of this month and the previous one (UTC). */
function recentMonths(now: Date): string[] {
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return [monthLexeme(now), monthLexeme(previous)];
}

/** Planner methods a pass turns off for its own transaction. */
type PlannerSetting = 'enable_seqscan' | 'enable_indexscan';

type HitRow = { id: string; ref: string; title: string; text: string; rank: number; at: string | Date };

/**
 * Runs a source's query first on the rows of the last two months (the GIN index intersects the
 * words with the month lexemes), then, when that gives fewer than `limit` hits, on every row.
 * Either way at most CANDIDATES matching rows are read and ranked. Tickets take the newest recent
 * matches (their creation index read backwards, or the GIN index and a sort: the planner picks);
 * comments have no such index, and a sequential scan of the timeline would test rows one by one
 * until CANDIDATES matched: `avoidSeqScan` keeps the planner on the GIN index. The second pass
 * only runs when the last two months hold few matches, so the whole table holds few too: it is
 * answered from the GIN index alone (`enable_indexscan = off`), never by reading the creation
 * index backwards through every row in search of matches that mostly do not exist.
 */
async function recentFirst(
  db: Db,
  query: SQL,
  limit: number,
  avoidSeqScan: boolean,
  run: (match: SQL) => SQL,
): Promise<HitRow[]> {
  const planned = async (settings: PlannerSetting[], statement: SQL) =>
    settings.length === 0
      ? rows<HitRow>(db, statement)
      : db.transaction(async (tx) => {
          // Every setting in one statement (`set_config(…, true)` is `set local`): on the embedded store each
          // statement has a fixed cost. In sequence: one transaction is one client.
          await tx.execute(
            sql`select ${sql.join(
              settings.map((name) => sql`set_config(${name}, 'off', true)`),
              sql`, `,
            )}`,
          );
          return rows<HitRow>(tx, statement);
        });
  const base: PlannerSetting[] = avoidSeqScan ? ['enable_seqscan'] : [];
  const recent = await planned(base, run(inMonthsSql(query, recentMonths(new Date()))));
  if (recent.length >= limit) return recent;
  return planned([...base, 'enable_indexscan'], run(query));
}

/** A row found by one of the statements below, as a hit of `kind`. */
function hit(kind: RawHit['kind'], r: Omit<HitRow, 'ref'> & { ref: string | null }): RawHit {
  return { kind, id: r.id, ticketRef: r.ref, title: r.title, text: r.text, rank: Number(r.rank), at: new Date(r.at) };
}

export async function searchTicketTexts(db: Db, actor: Actor, q: string, limit: number): Promise<RawHit[]> {
  const query = searchQuerySql(q);
  const found = await recentFirst(
    db,
    query,
    limit,
    false,
    (match) => sql`select m.id, m.ref, m.title, m.title || E'\n' || m.description as text,
        ts_rank(m.search, ${query}) as rank, m.created_at as at
      from (
        select ${tickets.id} as id, ${tickets.ref} as ref, ${tickets.title} as title, ${tickets.description} as description,
          ${tickets.search} as search, ${tickets.createdAt} as created_at
        from ${tickets}
        where ${and(sql`${tickets.search} @@ ${match}`, ticketVisibleTo(actor, { partyIndex: false }))}
        order by ${tickets.createdAt} desc limit ${CANDIDATES}
      ) m order by rank desc, m.created_at desc limit ${limit}`,
  );
  return found.map((r) => hit('ticket', r));
}

/** Comments the reader may see (shared ones, and internal ones of their own party) on tickets they may see. */
export async function searchComments(db: Db, actor: Actor, q: string, limit: number): Promise<RawHit[]> {
  const query = searchQuerySql(q);
  const found = await recentFirst(
    db,
    query,
    limit,
    true,
    (match) => sql`select m.id, m.ref, m.title, m.body as text, ts_rank(m.search, ${query}) as rank, m.created_at as at
      from (
        select ${ticketEvents.id} as id, ${tickets.ref} as ref, ${tickets.title} as title,
          ${ticketEvents.data}->>'body' as body, ${ticketEvents.search} as search, ${ticketEvents.createdAt} as created_at
        from ${ticketEvents} join ${tickets} on ${eq(tickets.id, ticketEvents.ticketId)}
        where ${and(
          sql`${ticketEvents.search} @@ ${match}`,
          eq(ticketEvents.kind, 'comment'),
          eventVisibleTo(actor),
          ticketVisibleTo(actor, { partyIndex: false }),
        )}
        limit ${CANDIDATES}
      ) m order by rank desc, m.created_at desc limit ${limit}`,
  );
  return found.map((r) => hit('comment', r));
}

/** Known errors read through their problem (COL-3): one part of `searchSharedTexts`. */
export function knownErrorHitsSql(actor: Actor, query: SQL, limit: number): SQL {
  return sql`(select 'known_error' as kind, ${knownErrors.id}::text as id, ${tickets.ref} as ref, ${knownErrors.title} as title,
      ${knownErrors.symptoms} || E'\n' || ${knownErrors.cause} || E'\n' || ${knownErrors.workaround} as text,
      ts_rank(${knownErrors.search}, ${query}) as rank, ${knownErrors.publishedAt} as at
    from ${knownErrors} join ${tickets} on ${eq(tickets.id, knownErrors.problemId)}
    where ${and(knownErrorVisibleTo(actor), sql`${knownErrors.search} @@ ${query}`)}
    order by rank desc, at desc limit ${limit})`;
}

export type SharedKind = 'known_error' | 'wiki' | 'exchange';
const SHARED_PARTS: Record<SharedKind, (actor: Actor, query: SQL, limit: number) => SQL> = {
  known_error: knownErrorHitsSql,
  wiki: wikiHitsSql,
  exchange: exchangeHitsSql,
};

/**
 * Known errors, wiki pages and information exchanges in one statement (`union all` of each
 * source's query, each under its own visibility rule, ranked and limited on its own): they are
 * small tables, and on PGlite a statement's fixed cost outweighs their reading.
 */
export async function searchSharedTexts(
  db: Db,
  actor: Actor,
  q: string,
  limit: number,
  kinds: SharedKind[],
): Promise<RawHit[]> {
  const parts = kinds.map((kind) => SHARED_PARTS[kind]);
  if (parts.length === 0) return [];
  const query = searchQuerySql(q);
  const found = await rows<HitRow & { kind: SharedKind; ref: string | null }>(
    db,
    sql.join(
      parts.map((part) => part(actor, query, limit)),
      sql` union all `,
    ),
  );
  return found.map((r) => hit(r.kind, r));
}
