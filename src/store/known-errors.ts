import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { knownErrorVisibleTo } from '../policies/ticket-visibility.ts';
import type { Actor } from '../domain/actor.ts';
import type { Db } from './db.ts';
import { searchQuerySql } from './schema/search.ts';
import { knownErrors, tickets } from './schema/index.ts';

const COLUMNS = {
  id: knownErrors.id,
  problemId: knownErrors.problemId,
  problemRef: tickets.ref,
  title: knownErrors.title,
  service: knownErrors.service,
  symptoms: knownErrors.symptoms,
  cause: knownErrors.cause,
  workaround: knownErrors.workaround,
  sensitivity: knownErrors.sensitivity,
  publishedAt: knownErrors.publishedAt,
};

export type KnownErrorRow = { [K in keyof typeof COLUMNS]: (typeof COLUMNS)[K]['_']['data'] };

/** Publishes a problem's known error, replacing the one it published before. */
export async function replaceKnownError(db: Db, values: typeof knownErrors.$inferInsert) {
  await db.delete(knownErrors).where(eq(knownErrors.problemId, values.problemId));
  await db.insert(knownErrors).values(values);
}

/** Known errors the actor may read, best matches first when searching (COL-3, ISM-4). */
export function searchKnownErrors(
  db: Db,
  actor: Actor,
  q: string | undefined,
  service: string | undefined,
  limit: number,
): Promise<KnownErrorRow[]> {
  const filters: SQL[] = [knownErrorVisibleTo(actor)];
  const query = q ? searchQuerySql(q) : null;
  if (query) filters.push(sql`${knownErrors.search} @@ ${query}`);
  if (service) filters.push(eq(knownErrors.service, service));
  return db
    .select(COLUMNS)
    .from(knownErrors)
    .innerJoin(tickets, eq(tickets.id, knownErrors.problemId))
    .where(and(...filters))
    .orderBy(...(query ? [sql`ts_rank(${knownErrors.search}, ${query}) desc`] : []), desc(knownErrors.publishedAt))
    .limit(limit);
}

export async function findVisibleKnownError(db: Db, actor: Actor, id: string): Promise<KnownErrorRow | null> {
  const rows = await db
    .select(COLUMNS)
    .from(knownErrors)
    .innerJoin(tickets, eq(tickets.id, knownErrors.problemId))
    .where(and(eq(knownErrors.id, id), knownErrorVisibleTo(actor)));
  return rows[0] ?? null;
}
