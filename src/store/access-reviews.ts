import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { accessReviewItems, accessReviews, apiTokens, parties, sessions, users } from './schema/index.ts';
import type { Role } from '../domain/roles.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';

export type AccessReviewRow = typeof accessReviews.$inferSelect;
export type AccessReviewItemRow = typeof accessReviewItems.$inferSelect;
export type ReviewItemWithUser = AccessReviewItemRow & {
  username: string;
  displayName: string;
  decidedByName: string | null;
};

export async function insertAccessReview(db: Db, values: typeof accessReviews.$inferInsert): Promise<AccessReviewRow> {
  const rows = await db.insert(accessReviews).values(values).returning();
  return rows[0]!;
}

/** Locks the party's row: starting a review is serialised per party. */
export async function lockPartyRow(db: Db, partyId: string) {
  await db.select({ id: parties.id }).from(parties).where(eq(parties.id, partyId)).for('update');
}

/** The party's open review (one open review per party at a time). */
export async function openReviewOf(db: Db, partyId: string): Promise<AccessReviewRow | null> {
  const rows = await db
    .select()
    .from(accessReviews)
    .where(and(eq(accessReviews.partyId, partyId), eq(accessReviews.status, 'open')));
  return rows[0] ?? null;
}

export async function findAccessReview(db: Db, id: string, lock = false): Promise<AccessReviewRow | null> {
  const query = db.select().from(accessReviews).where(eq(accessReviews.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function listAccessReviews(db: Db, partyId: string) {
  return db
    .select({
      review: accessReviews,
      accounts:
        sql<number>`(select count(*) from ${accessReviewItems} i where i.review_id = ${accessReviews.id})`.mapWith(
          Number,
        ),
      undecided:
        sql<number>`(select count(*) from ${accessReviewItems} i where i.review_id = ${accessReviews.id} and i.decision is null)`.mapWith(
          Number,
        ),
    })
    .from(accessReviews)
    .where(eq(accessReviews.partyId, partyId))
    .orderBy(desc(accessReviews.startedAt), desc(accessReviews.id));
}

export async function closeAccessReview(db: Db, id: string, now: Date): Promise<AccessReviewRow> {
  const rows = await db
    .update(accessReviews)
    .set({ status: 'closed', closedAt: now })
    .where(eq(accessReviews.id, id))
    .returning();
  return rows[0]!;
}

/** Every account of the party, active or not: what the review snapshots. */
export async function accountsOf(db: Db, partyId: string) {
  return db
    .select({ id: users.id, roles: users.roles, clearance: users.clearance, active: users.active })
    .from(users)
    .where(eq(users.partyId, partyId))
    .orderBy(asc(users.username));
}

export async function insertReviewItems(db: Db, rows: (typeof accessReviewItems.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(accessReviewItems).values(rows);
}

export async function reviewItems(db: Db, reviewId: string): Promise<ReviewItemWithUser[]> {
  const deciders = sql<
    string | null
  >`(select u.display_name from ${users} u where u.id = ${accessReviewItems.decidedBy})`;
  const rows = await db
    .select({
      item: accessReviewItems,
      username: users.username,
      displayName: users.displayName,
      decidedByName: deciders,
    })
    .from(accessReviewItems)
    .innerJoin(users, eq(users.id, accessReviewItems.userId))
    .where(eq(accessReviewItems.reviewId, reviewId))
    .orderBy(asc(users.username));
  return rows.map((r) => ({
    ...r.item,
    username: r.username,
    displayName: r.displayName,
    decidedByName: r.decidedByName,
  }));
}

export async function lockReviewItem(db: Db, reviewId: string, userId: string): Promise<AccessReviewItemRow | null> {
  const rows = await db
    .select()
    .from(accessReviewItems)
    .where(and(eq(accessReviewItems.reviewId, reviewId), eq(accessReviewItems.userId, userId)))
    .for('update');
  return rows[0] ?? null;
}

export async function recordItemDecision(
  db: Db,
  reviewId: string,
  userId: string,
  patch: Partial<typeof accessReviewItems.$inferInsert>,
) {
  await db
    .update(accessReviewItems)
    .set(patch)
    .where(and(eq(accessReviewItems.reviewId, reviewId), eq(accessReviewItems.userId, userId)));
}

export async function countUndecided(db: Db, reviewId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(accessReviewItems)
    .where(and(eq(accessReviewItems.reviewId, reviewId), isNull(accessReviewItems.decision)));
  return rows[0]?.n ?? 0;
}

export async function lockUser(db: Db, id: string) {
  const rows = await db.select().from(users).where(eq(users.id, id)).for('update');
  return rows[0] ?? null;
}

export async function setUserAccess(
  db: Db,
  id: string,
  patch: { roles?: Role[]; clearance?: Sensitivity; active?: boolean },
) {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** Ends every console session and revokes every API token of a user. */
export async function cutOffUser(db: Db, id: string, now: Date) {
  await db.delete(sessions).where(eq(sessions.userId, id));
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)));
}
