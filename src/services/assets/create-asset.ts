import { randomUUID } from 'node:crypto';
import { awaitApprovals } from '../../domain/approvals.ts';
import {
  assetSensitivity,
  ciaFieldAbove,
  DEFAULT_REVIEW_INTERVAL_DAYS,
  nextReviewFrom,
  type Cia,
} from '../../domain/assets.ts';
import { AppError } from '../../domain/errors.ts';
import { clearanceCovers } from '../../domain/sensitivity.ts';
import { assertKeepsAsset } from '../../policies/asset-stewardship.ts';
import { insertAsset, type AssetRow } from '../../store/assets.ts';
import { listParties } from '../../store/directory.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Db } from '../../store/db.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import type { Actor } from '../../domain/actor.ts';
import { resolveParts } from './asset-parts.ts';
import { notifyAboutAsset } from './notify-stewards.ts';

export interface AssetInput extends Cia {
  name: string;
  description?: string | undefined;
  owner: string;
  personalData?: boolean | undefined;
  notes?: string | undefined;
  common?: boolean | undefined;
  parts?: string[] | undefined;
  reviewIntervalDays?: number | undefined;
}

/** Nobody classifies an asset above their own clearance (ISM-4); the refusal names the C/I/A field that lifts it. */
export function assertClassifiable(actor: Actor, cia: Cia): void {
  const level = assetSensitivity(cia);
  if (!clearanceCovers(actor.clearance, level))
    throw new AppError('ticket.sensitivity_too_high', ciaFieldAbove(cia, actor.clearance) ?? 'confidentiality');
}

/** Every party but `party`: those whose approval a common asset awaits. */
export async function otherParties(db: Db, party: string): Promise<string[]> {
  return (await listParties(db)).map((p) => p.id).filter((id) => id !== party);
}

/**
 * ISM-1/2/3: registers an asset of the actor's party, its ETS level derived from C/I/A. A
 * common asset is proposed: pending until every other party's stewards approve it.
 */
export async function createAsset(ctx: ServiceContext, input: AssetInput): Promise<AssetRow> {
  const { actor } = ctx;
  const common = input.common ?? false;
  assertKeepsAsset(actor, { partyId: actor.party, common: false });
  assertClassifiable(actor, input);
  const now = nowOf(ctx);
  const sensitivity = assetSensitivity(input);
  const interval = input.reviewIntervalDays ?? DEFAULT_REVIEW_INTERVAL_DAYS;
  const awaited = common ? await otherParties(ctx.db, actor.party) : [];
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    const parts = await resolveParts(tx, actor, { id, partyId: actor.party, sensitivity }, input.parts ?? [], []);
    const row = await insertAsset(tx, {
      id,
      partyId: actor.party,
      common,
      name: input.name,
      description: input.description ?? '',
      owner: input.owner,
      confidentiality: input.confidentiality,
      integrity: input.integrity,
      availability: input.availability,
      sensitivity,
      personalData: input.personalData ?? false,
      notes: input.notes ?? '',
      parts,
      status: awaited.length > 0 ? 'pending' : 'active',
      approvals: awaitApprovals(awaited),
      reviewIntervalDays: interval,
      nextReviewAt: nextReviewFrom(now, interval),
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    if (awaited.length > 0)
      await notifyAboutAsset(tx, row, awaited, ['security_officer', 'party_admin'], 'asset_approval_needed', {}, now);
    await writeAudit(
      tx,
      {
        actorId: actor.id,
        party: actor.party,
        action: 'asset.create',
        targetId: id,
        data: { name: row.name, common, sensitivity },
      },
      now,
    );
    return row;
  });
}
