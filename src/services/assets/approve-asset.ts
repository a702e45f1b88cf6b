import { decide, pendingParties } from '../../domain/approvals.ts';
import { assertApprovesAsset } from '../../policies/asset-stewardship.ts';
import { saveAsset, type AssetRow } from '../../store/assets.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { checkVersion, lockAsset } from './update-asset.ts';

export interface AssetDecision {
  decision: 'approved' | 'refused';
  note?: string | undefined;
  version?: number | undefined;
}

/**
 * ISM-1: a party's stewards approve (or refuse) a common asset and its ownership for their
 * party. With every other party's approval it becomes active; one refusal makes it refused,
 * until its proposer changes it (which asks every party again).
 */
export async function decideAsset(ctx: ServiceContext, id: string, input: AssetDecision): Promise<AssetRow> {
  const { actor } = ctx;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const asset = await lockAsset(tx, actor, id);
    assertApprovesAsset(actor, asset);
    checkVersion(asset, input.version);
    const approvals = decide(
      asset.approvals,
      actor.party,
      input.decision,
      { id: actor.id, name: actor.displayName },
      now,
      input.note,
    );
    const status =
      input.decision === 'refused' ? 'refused' : pendingParties(approvals).length === 0 ? 'active' : 'pending';
    const row = await saveAsset(tx, id, { approvals, status }, now);
    await writeAudit(
      tx,
      {
        actorId: actor.id,
        party: actor.party,
        action: `asset.${input.decision === 'refused' ? 'refuse' : 'approve'}`,
        targetId: id,
        data: { status },
      },
      now,
    );
    return row;
  });
}
