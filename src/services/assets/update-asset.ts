import { awaitApprovals } from '../../domain/approvals.ts';
import {
  assetSensitivity,
  CIA_FIELDS,
  lastReviewOf,
  needsReapproval,
  nextReviewFrom,
  type Cia,
} from '../../domain/assets.ts';
import { AppError } from '../../domain/errors.ts';
import { assertKeepsAsset } from '../../policies/asset-stewardship.ts';
import { findVisibleAsset, saveAsset, type AssetRow } from '../../store/assets.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Db } from '../../store/db.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import type { Actor } from '../../domain/actor.ts';
import { resolveParts } from './asset-parts.ts';
import { assertClassifiable, otherParties, type AssetInput } from './create-asset.ts';
import { notifyAboutAsset } from './notify-stewards.ts';

export type AssetChanges = Partial<Omit<AssetInput, 'common'>>;

/** Loads a visible asset under its row lock (invisible = 404). */
export async function lockAsset(db: Db, actor: Actor, id: string): Promise<AssetRow> {
  const asset = await findVisibleAsset(db, actor, id, true);
  if (!asset) throw new AppError('asset.not_found');
  return asset;
}

/** The writer edited the version they send, when they send one (409 when stale). */
export function checkVersion(asset: AssetRow, version: number | undefined): void {
  if (version !== undefined && version !== asset.version)
    throw new AppError('asset.version_conflict', 'version', { current: asset.version });
}

/** An asset the actor keeps (steward of its party), locked, still in use, at the version they edited. */
export async function lockKeptAsset(db: Db, actor: Actor, id: string, version: number | undefined): Promise<AssetRow> {
  const asset = await lockAsset(db, actor, id);
  assertKeepsAsset(actor, asset);
  if (asset.status === 'retired') throw new AppError('asset.retired');
  checkVersion(asset, version);
  return asset;
}

/**
 * Changes an asset (ISM-1/2/3): the level follows C/I/A again, never above the actor's
 * clearance; a changed owner or C/I/A of a common asset goes back to the other parties for
 * approval, as does any change to a refused one.
 */
export async function updateAsset(
  ctx: ServiceContext,
  id: string,
  version: number,
  changes: AssetChanges,
): Promise<AssetRow> {
  const { actor } = ctx;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const asset = await lockKeptAsset(tx, actor, id, version);
    const before: Cia & { owner: string } = {
      owner: asset.owner,
      confidentiality: asset.confidentiality,
      integrity: asset.integrity,
      availability: asset.availability,
    };
    const after = { ...before };
    if (changes.owner !== undefined) after.owner = changes.owner;
    for (const f of CIA_FIELDS) if (changes[f] !== undefined) after[f] = changes[f];
    assertClassifiable(actor, after);
    const sensitivity = assetSensitivity(after);
    const parts = await resolveParts(
      tx,
      actor,
      { id, partyId: asset.partyId, sensitivity },
      changes.parts,
      asset.parts,
    );

    const set: Parameters<typeof saveAsset>[2] = { ...after, sensitivity, parts };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.description !== undefined) set.description = changes.description;
    if (changes.notes !== undefined) set.notes = changes.notes;
    if (changes.personalData !== undefined) set.personalData = changes.personalData;
    if (changes.reviewIntervalDays !== undefined && changes.reviewIntervalDays !== asset.reviewIntervalDays) {
      set.reviewIntervalDays = changes.reviewIntervalDays;
      set.nextReviewAt = nextReviewFrom(
        lastReviewOf(asset.nextReviewAt, asset.reviewIntervalDays),
        changes.reviewIntervalDays,
      );
      if (set.nextReviewAt > now) set.reviewReminded = false;
    }
    const reapprove = asset.common && (needsReapproval(before, after) || asset.status === 'refused');
    const awaited = reapprove ? await otherParties(tx, actor.party) : [];
    if (reapprove) {
      set.approvals = awaitApprovals(awaited);
      set.status = awaited.length > 0 ? 'pending' : 'active';
    }
    const row = await saveAsset(tx, id, set, now);
    if (awaited.length > 0)
      await notifyAboutAsset(
        tx,
        row,
        awaited,
        ['security_officer', 'party_admin'],
        'asset_approval_needed',
        { party: actor.party },
        now,
      );
    await writeAudit(
      tx,
      {
        actorId: actor.id,
        party: actor.party,
        action: 'asset.update',
        targetId: id,
        data: { changed: Object.keys(changes), sensitivity, reapproval: reapprove },
      },
      now,
    );
    return row;
  });
}
