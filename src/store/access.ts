import { randomUUID } from 'node:crypto';
import { and, asc, eq, like, lt, or, sql } from 'drizzle-orm';
import { ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Actor } from '../domain/actor.ts';
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
  const { count, resetMs } = await countHitAndStamp(db, key, windowMs);
  return { count, resetMs };
}

/** As `countHit`, also returning the auth stamp (see `authStamp`) read by the same statement. */
export async function countHitAndStamp(
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ count: number; resetMs: number; stamp: string }> {
  const window = sql`(${windowMs}::integer * interval '1 millisecond')`;
  const current = sql`${throttles.windowStart} > now() - ${window}`;
  const rows = await db
    .insert(throttles)
    .values({ key, count: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`case when ${current} then ${throttles.count} + 1 else 1 end`,
        windowStart: sql`case when ${current} then ${throttles.windowStart} else now() end`,
      },
    })
    .returning({
      count: throttles.count,
      resetMs: sql<number>`ceil(extract(epoch from (${throttles.windowStart} + ${window} - now())) * 1000)`.mapWith(
        Number,
      ),
      stamp: authStamp,
    });
  return rows[0]!;
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
