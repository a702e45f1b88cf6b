import { nextReviewFrom, type ReviewOutcome } from '../../domain/assets.ts';
import { insertAssetReview, saveAsset, type AssetReviewRow, type AssetRow } from '../../store/assets.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { lockKeptAsset } from './update-asset.ts';

export interface ReviewInput {
  outcome: ReviewOutcome;
  note?: string | undefined;
  version?: number | undefined;
}

/**
 * ISM-3: records a review of an asset in its history; the next one falls due a review
 * interval from now, with a fresh reminder. `retired` takes the asset out of use.
 */
export async function reviewAsset(
  ctx: ServiceContext,
  id: string,
  input: ReviewInput,
): Promise<{ asset: AssetRow; review: AssetReviewRow }> {
  const { actor } = ctx;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const asset = await lockKeptAsset(tx, actor, id, input.version);
    const review = await insertAssetReview(tx, {
      assetId: id,
      reviewedBy: actor.id,
      reviewerName: actor.displayName,
      outcome: input.outcome,
      note: input.note ?? '',
      reviewedAt: now,
    });
    const row = await saveAsset(
      tx,
      id,
      {
        nextReviewAt: nextReviewFrom(now, asset.reviewIntervalDays),
        reviewReminded: false,
        ...(input.outcome === 'retired' ? { status: 'retired' } : {}),
      },
      now,
    );
    await writeAudit(
      tx,
      { actorId: actor.id, party: actor.party, action: 'asset.review', targetId: id, data: { outcome: input.outcome } },
      now,
    );
    return { asset: row, review };
  });
}
