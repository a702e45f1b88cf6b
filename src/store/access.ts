import { randomUUID } from 'node:crypto';
import { and, asc, eq, like, lt, or, sql } from 'drizzle-orm';
import { ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Actor } from '../domain/actor.ts';
import { rowsOf } from './audit.ts';
import { authStamp } from './auth.ts';
import type { Db } from './db.ts';
import { ipAllowlist, throttles, tickets } from './schema/index.ts';

/** ISM-8: every party's allow-list entries (a handful of rows), for the per-node cache. */
export async function listAllAllowlistEntries(db: Db) {
  return db.select({ partyId: ipAllowlist.partyId, cidr: ipAllowlist.cidr }).from(ipAllowlist);
}

/** One party's allow-list, oldest first, with the request that created each entry when the reader may see it. */
export async function listPartyAllowlist(db: Db, actor: Actor, partyId: string) {
  return db
    .select({ entry: ipAllowlist, requestRef: tickets.ref })
    .from(ipAllowlist)
    .leftJoin(tickets, and(eq(tickets.id, ipAllowlist.requestId), ticketVisibleTo(actor)))
    .where(eq(ipAllowlist.partyId, partyId))
    .orderBy(asc(ipAllowlist.createdAt), asc(ipAllowlist.cidr));
}

export async function listPartyBlocks(db: Db, partyId: string): Promise<string[]> {
  const rows = await db.select({ cidr: ipAllowlist.cidr }).from(ipAllowlist).where(eq(ipAllowlist.partyId, partyId));
  return rows.map((r) => r.cidr);
}

/** Adds a block; false when the party already had it. */
export async function insertAllowlistEntry(
  db: Db,
  values: { partyId: string; cidr: string; note: string; requestId: string | null; createdAt: Date },
): Promise<boolean> {
  const rows = await db
    .insert(ipAllowlist)
    .values({ id: randomUUID(), ...values })
    .onConflictDoNothing({ target: [ipAllowlist.partyId, ipAllowlist.cidr] })
    .returning({ id: ipAllowlist.id });
  return rows.length === 1;
}

/** Removes a block; false when the party did not have it. */
export async function deleteAllowlistEntry(db: Db, partyId: string, cidr: string): Promise<boolean> {
  const rows = await db
    .delete(ipAllowlist)
    .where(and(eq(ipAllowlist.partyId, partyId), eq(ipAllowlist.cidr, cidr)))
    .returning({ id: ipAllowlist.id });
  return rows.length === 1;
}

/**
 * Counts one hit on a key in a fixed window, atomically and on the database clock (so every
 * node shares the counter): a new window starts when the old one is `windowMs` old. One
 * statement; returns the count in the current window and the milliseconds until it ends.
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<{ count: number; resetMs: number }> {
  const { hits } = await countHitsAndStamp(db, [{ key, windowMs }]);
  return hits[0]!;
}

/** A key to count a hit on, in fixed windows of `windowMs`. */
export interface HitWindow {
  key: string;
  windowMs: number;
}

/**
 * As `countHit` for several distinct keys, each in its own window, in one statement that also
 * reads the auth stamp (see `authStamp`). Rows are taken in the order given: callers always give
 * their keys in the same order, so concurrent statements lock the rows in the same order. Returns
 * each key's count and milliseconds until its window ends, in the order given.
 */
export async function countHitsAndStamp(
  db: Db,
  windows: readonly HitWindow[],
): Promise<{ hits: { count: number; resetMs: number }[]; stamp: string }> {
  const input = sql.join(
    windows.map(({ key, windowMs }, i) => sql`(${i}::integer, ${key}::text, ${windowMs}::integer)`),
    sql`, `,
  );
  // The window of the row at hand (`excluded`: the row proposed; `throttles`: the row stored).
  const windowOf = (row: 'excluded' | 'throttles') =>
    sql`((select window_ms from input where input.key = ${sql.raw(row)}.key) * interval '1 millisecond')`;
  const current = sql`throttles.window_start > now() - ${windowOf('excluded')}`;
  const rows = rowsOf<{ key: string; count: number; reset_ms: string | number; stamp: string }>(
    await db.execute(sql`
      with input (ord, key, window_ms) as (values ${input})
      insert into throttles (key, count, window_start)
      select key, 1, now() from input order by ord
      on conflict (key) do update set
        count = case when ${current} then throttles.count + 1 else 1 end,
        window_start = case when ${current} then throttles.window_start else now() end
      returning key, count,
        ceil(extract(epoch from (window_start + ${windowOf('throttles')} - now())) * 1000) as reset_ms,
        ${authStamp} as stamp`),
  );
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return {
    hits: windows.map(({ key }) => {
      const row = byKey.get(key)!;
      return { count: Number(row.count), resetMs: Number(row.reset_ms) };
    }),
    stamp: String(rows[0]!.stamp),
  };
}

/** Drops the counters of windows long gone (rate-limit and duplicate keys only). */
export async function sweepThrottles(db: Db, olderThanMs: number) {
  await db
    .delete(throttles)
    .where(
      and(
        or(like(throttles.key, 'rate:%'), like(throttles.key, 'dup:%')),
        lt(throttles.windowStart, sql`now() - (${olderThanMs}::integer * interval '1 millisecond')`),
      ),
    );
}

/** Forgets a key (a write that failed does not block its retry). */
export async function deleteThrottle(db: Db, key: string) {
  await db.delete(throttles).where(eq(throttles.key, key));
}
