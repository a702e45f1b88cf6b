import { reviewOverdue } from '../../domain/assets.ts';
import { csvDocument } from '../../domain/csv.ts';
import { AppError } from '../../domain/errors.ts';
import {
  allVisibleAssets,
  findVisibleAsset,
  listAssetReviews,
  listVisibleAssets,
  visibleAssetsByIds,
  type AssetFilter,
  type AssetRow,
} from '../../store/assets.ts';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../../domain/actor.ts';

/** The parts of some aggregates that the actor may see, by id (ISM-3, ISM-4). */
async function visibleParts(db: Db, actor: Actor, assets: readonly AssetRow[]): Promise<Map<string, AssetRow>> {
  const parts = await visibleAssetsByIds(
    db,
    actor,
    assets.flatMap((a) => a.parts),
  );
  return new Map(parts.map((p) => [p.id, p]));
}

export interface AssetView {
  asset: AssetRow;
  /** Only the parts the reader may see, in the aggregate's order. */
  parts: AssetRow[];
}

function withParts(assets: readonly AssetRow[], parts: Map<string, AssetRow>): AssetView[] {
  return assets.map((asset) => ({ asset, parts: asset.parts.flatMap((id) => parts.get(id) ?? []) }));
}

/** A page of the inventory (or the LIS) as the actor may see it, and how many match. */
export async function listAssets(
  db: Db,
  actor: Actor,
  filter: AssetFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AssetView[]; total: number }> {
  const { rows, total } = await listVisibleAssets(db, actor, filter, page);
  return { items: withParts(rows, await visibleParts(db, actor, rows)), total };
}

/** Every matching LIS entry the actor may see (CSV export). */
export async function lisEntries(db: Db, actor: Actor, filter: AssetFilter): Promise<AssetView[]> {
  const rows = await allVisibleAssets(db, actor, { ...filter, lis: true });
  return withParts(rows, await visibleParts(db, actor, rows));
}

/** One asset the actor may see (invisible = 404). */
export async function getAsset(db: Db, actor: Actor, id: string): Promise<AssetView> {
  const asset = await findVisibleAsset(db, actor, id);
  if (!asset) throw new AppError('asset.not_found');
  return withParts([asset], await visibleParts(db, actor, [asset]))[0]!;
}

/** The review history of an asset the actor may see, newest first. */
export async function assetReviewHistory(db: Db, actor: Actor, id: string) {
  const asset = await findVisibleAsset(db, actor, id);
  if (!asset) throw new AppError('asset.not_found');
  return listAssetReviews(db, id);
}

const LIS_HEADER = [
  'id',
  'party',
  'common',
  'name',
  'description',
  'owner',
  'confidentiality',
  'integrity',
  'availability',
  'sensitivity',
  'personal_data',
  'notes',
  'parts',
  'status',
  'review_interval_days',
  'next_review_at',
  'overdue',
];

/** The LIS as CSV (ISM-3): one line per entry the reader may see, parts named only when visible to them. */
export function lisCsv(entries: readonly AssetView[], now: Date): string {
  return csvDocument(
    LIS_HEADER,
    entries.map(({ asset: a, parts }) => [
      a.id,
      a.partyId,
      a.common,
      a.name,
      a.description,
      a.owner,
      a.confidentiality,
      a.integrity,
      a.availability,
      a.sensitivity,
      a.personalData,
      a.notes,
      parts.map((p) => p.name).join('; '),
      a.status,
      a.reviewIntervalDays,
      a.nextReviewAt.toISOString(),
      reviewOverdue(a, now),
    ]),
  );
}
