import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { rowsOf } from './audit.ts';
import type { Db } from './db.ts';
import { apiTokens, parties, sessions, signInAttempts, users } from './schema/index.ts';

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

/** The live session with this id and its user, if the user is still active. */
export async function findSession(db: Db, id: string, now: Date) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)));
  return rows[0] ?? null;
}

/** Ends a user's live sessions beyond the newest `keep` (ISM-8 cap on live sessions per user). */
export async function trimSessions(db: Db, userId: string, keep: number, now: Date) {
  const live = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
  const ended = live.slice(keep).map((s) => s.id);
  if (ended.length > 0) await db.delete(sessions).where(inArray(sessions.id, ended));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function insertApiToken(db: Db, values: typeof apiTokens.$inferInsert) {
  const rows = await db.insert(apiTokens).values(values).returning();
  return rows[0]!;
}

/** A token that may be used at `now`: not revoked, not expired, its user active. */
const tokenUsable = (now: Date) =>
  and(
    isNull(apiTokens.revokedAt),
    or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
    eq(users.active, true),
  );

/** The version of everything credentials depend on (migration 0017: bumped by every change to them). */
export const authStamp = sql<string>`(select version::text from auth_stamp where id = 1)`.mapWith(String);

/**
 * The usable token with this hash (not revoked, not expired), its active user, whether the user's
 * party makes TOTP mandatory, and the auth stamp of the same snapshot. One statement.
 */
export async function loadTokenFacts(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select({ token: apiTokens, user: users, requireTotp: parties.requireTotp, stamp: authStamp })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(parties, eq(parties.id, users.partyId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), tokenUsable(now)));
  return rows[0] ?? null;
}

/** As `loadTokenFacts`, for the live session with this id. One statement. */
export async function loadSessionFacts(db: Db, id: string, now: Date) {
  const rows = await db
    .select({ session: sessions, user: users, requireTotp: parties.requireTotp, stamp: authStamp })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(parties, eq(parties.id, users.partyId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)));
  return rows[0] ?? null;
}

/** The current auth stamp. One statement. */
export async function readAuthStamp(db: Db): Promise<string> {
  const rows = rowsOf<{ version: string }>(
    await db.execute(sql`select version::text as version from auth_stamp where id = 1`),
  );
  return String(rows[0]!.version);
}

/** Records use of a token at most once a minute, to keep the hot path free of writes. */
export async function touchApiToken(db: Db, id: string, now: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}

export async function listApiTokens(db: Db, userId: string) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}

/** Counts one failure for a key, starting a new window when the old one has passed; returns the count. */
export async function recordFailure(db: Db, key: string, now: Date, windowStartAfter: Date): Promise<number> {
  const rows = await db
    .insert(signInAttempts)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: signInAttempts.key,
      set: {
        failures: sql`case when ${signInAttempts.windowStart} > ${windowStartAfter} then ${signInAttempts.failures} + 1 else 1 end`,
        windowStart: sql`case when ${signInAttempts.windowStart} > ${windowStartAfter} then ${signInAttempts.windowStart} else ${now} end`,
      },
    })
    .returning({ failures: signInAttempts.failures });
  return rows[0]!.failures;
}

/** Takes back one counted attempt (a sign-in that turned out to be right). */
export async function forgiveFailure(db: Db, key: string) {
  await db
    .update(signInAttempts)
    .set({ failures: sql`greatest(${signInAttempts.failures} - 1, 0)` })
    .where(eq(signInAttempts.key, key));
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(signInAttempts).where(eq(signInAttempts.key, key));
}

/**
 * The users behind credentials still valid at `now` (live streams re-check theirs): sessions by id
 * and tokens by id, with the conditions of `findSession` and `findApiToken`; absent ids have ended.
 */
export async function liveCredentialUsers(db: Db, sessionIds: string[], tokenIds: string[], now: Date) {
  const found = new Map<string, typeof users.$inferSelect>();
  if (sessionIds.length > 0) {
    const rows = await db
      .select({ id: sessions.id, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(inArray(sessions.id, sessionIds), gt(sessions.expiresAt, now), eq(users.active, true)));
    for (const row of rows) found.set(`session:${row.id}`, row.user);
  }
  if (tokenIds.length > 0) {
    const rows = await db
      .select({ id: apiTokens.id, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(inArray(apiTokens.id, tokenIds), tokenUsable(now)));
    for (const row of rows) found.set(`token:${row.id}`, row.user);
  }
  return found;
}
