import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { assetVisibleTo } from '../policies/asset-visibility.ts';
import type { Actor } from '../domain/actor.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import type { Db } from './db.ts';
import { assetReviews, informationAssets } from './schema/index.ts';

export type AssetRow = typeof informationAssets.$inferSelect;
export type AssetReviewRow = typeof assetReviews.$inferSelect;

/** What a list of assets may be narrowed to; every list is first filtered by visibility. */
export interface AssetFilter {
  party?: string | undefined;
  common?: boolean | undefined;
  /** Only the sensitive information list (ISM-3): SENSITIVE/CRITICAL or personal data, not retired. */
  lis?: boolean | undefined;
  /** Only assets whose review is due at this instant. */
  overdueAt?: Date | undefined;
  q?: string | undefined;
}

/**
 * The assets among `ids` that exist and that the actor may see (ISM-4), in no particular
 * order; an unknown or invisible id is simply absent. For other modules that reference
 * assets (security incident impact, aggregates): compare the result's ids with the input.
 */
export async function visibleAssetsByIds(
  db: Db,
  actor: Pick<Actor, 'party' | 'clearance'>,
  ids: readonly string[],
): Promise<AssetRow[]> {
  const unique = [...new Set(ids)].filter((id) => UUID.test(id));
  if (unique.length === 0) return [];
  return db
    .select()
    .from(informationAssets)
    .where(and(inArray(informationAssets.id, unique), assetVisibleTo(actor)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One asset if the actor may see it; `lock` takes its row lock for a write. */
export async function findVisibleAsset(
  db: Db,
  actor: Pick<Actor, 'party' | 'clearance'>,
  id: string,
  lock = false,
): Promise<AssetRow | null> {
  const query = db
    .select()
    .from(informationAssets)
    .where(and(eq(informationAssets.id, id), assetVisibleTo(actor)));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** The levels of some assets, whoever may see them: only for checks whose answer names none of them. */
export async function assetLevels(db: Db, ids: readonly string[]): Promise<Sensitivity[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ sensitivity: informationAssets.sensitivity })
    .from(informationAssets)
    .where(inArray(informationAssets.id, [...ids]));
  return rows.map((r) => r.sensitivity);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterSql(actor: Pick<Actor, 'party' | 'clearance'>, filter: AssetFilter): SQL {
  const where: SQL[] = [assetVisibleTo(actor)];
  if (filter.party) where.push(eq(informationAssets.partyId, filter.party));
  if (filter.common !== undefined) where.push(eq(informationAssets.common, filter.common));
  if (filter.lis) {
    where.push(
      or(
        inArray(informationAssets.sensitivity, ['SENSITIVE', 'CRITICAL']),
        eq(informationAssets.personalData, true),
      ) as SQL,
    );
    where.push(ne(informationAssets.status, 'retired'));
  }
  if (filter.overdueAt)
    where.push(lte(informationAssets.nextReviewAt, filter.overdueAt), ne(informationAssets.status, 'retired'));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    where.push(
      or(
        ilike(informationAssets.name, pattern),
        ilike(informationAssets.description, pattern),
        ilike(informationAssets.owner, pattern),
        ilike(informationAssets.notes, pattern),
      ) as SQL,
    );
  }
  return and(...where) as SQL;
}

/** A page of the assets the actor may see, by name, with the count of all that match. */
export async function listVisibleAssets(
  db: Db,
  actor: Pick<Actor, 'party' | 'clearance'>,
  filter: AssetFilter,
  page: { limit: number; offset: number },
) {
  const where = filterSql(actor, filter);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(informationAssets)
      .where(where)
      .orderBy(asc(informationAssets.name), asc(informationAssets.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(informationAssets).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every matching asset the actor may see (exports), by name. */
export function allVisibleAssets(
  db: Db,
  actor: Pick<Actor, 'party' | 'clearance'>,
  filter: AssetFilter,
): Promise<AssetRow[]> {
  return db
    .select()
    .from(informationAssets)
    .where(filterSql(actor, filter))
    .orderBy(asc(informationAssets.name), asc(informationAssets.id));
}

export async function insertAsset(db: Db, values: typeof informationAssets.$inferInsert): Promise<AssetRow> {
  const [row] = await db.insert(informationAssets).values(values).returning();
  return row!;
}

/** Writes a locked asset's new state, one version up. */
export async function saveAsset(
  db: Db,
  id: string,
  set: Partial<typeof informationAssets.$inferInsert>,
  now: Date,
): Promise<AssetRow> {
  const [row] = await db
    .update(informationAssets)
    .set({ ...set, version: sql`${informationAssets.version} + 1`, updatedAt: now })
    .where(eq(informationAssets.id, id))
    .returning();
  return row!;
}

export async function insertAssetReview(
  db: Db,
  values: Omit<typeof assetReviews.$inferInsert, 'id'>,
): Promise<AssetReviewRow> {
  const [row] = await db
    .insert(assetReviews)
    .values({ id: randomUUID(), ...values })
    .returning();
  return row!;
}

/** An asset's review history, newest first (the caller has checked the asset is visible). */
export function listAssetReviews(db: Db, assetId: string): Promise<AssetReviewRow[]> {
  return db
    .select()
    .from(assetReviews)
    .where(eq(assetReviews.assetId, assetId))
    .orderBy(desc(assetReviews.reviewedAt), desc(assetReviews.id));
}

/**
 * Marks every asset in use whose review is due and not yet reminded as reminded, and returns
 * them: one atomic claim, so several nodes never remind twice for one overdue period.
 */
export function claimOverdueReviews(db: Db, now: Date): Promise<AssetRow[]> {
  return db
    .update(informationAssets)
    .set({ reviewReminded: true })
    .where(
      and(
        lte(informationAssets.nextReviewAt, now),
        eq(informationAssets.reviewReminded, false),
        ne(informationAssets.status, 'retired'),
      ),
    )
    .returning();
}
