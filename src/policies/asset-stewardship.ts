import { pendingParties, type Approval } from '../domain/approvals.ts';
import { AppError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor } from '../domain/actor.ts';

/** ISM-1: who keeps a party's inventory — its security officers and party administrators. */
const STEWARDS: readonly Role[] = ['security_officer', 'party_admin'];

export function isSteward(actor: Actor): boolean {
  return actor.roles.some((role) => STEWARDS.includes(role));
}

/**
 * A party-specific asset is registered, changed and reviewed by its own party's stewards;
 * a common asset (on the list both parties maintain) by any party's stewards, their
 * changes to owner or C/I/A going back to the other parties for approval.
 */
export function mayKeepAsset(actor: Actor, asset: { partyId: string; common: boolean }): boolean {
  return isSteward(actor) && (asset.common || asset.partyId === actor.party);
}

export function assertKeepsAsset(actor: Actor, asset: { partyId: string; common: boolean }): void {
  if (!mayKeepAsset(actor, asset)) throw new AppError('auth.forbidden');
}

/** A common asset is approved for a party by that party's stewards, while its decision is awaited. */
export function mayApproveAsset(actor: Actor, asset: { common: boolean; approvals: Approval[] | null }): boolean {
  return asset.common && isSteward(actor) && pendingParties(asset.approvals ?? []).includes(actor.party);
}

export function assertApprovesAsset(
  actor: Actor,
  asset: { common: boolean; approvals: Approval[] | null; status: string },
): void {
  const approvals = asset.approvals ?? [];
  // Neither the proposing party nor a user without the role decides for another party.
  if (!asset.common || !isSteward(actor) || !approvals.some((a) => a.party === actor.party))
    throw new AppError('auth.forbidden');
  if (asset.status !== 'pending' || !pendingParties(approvals).includes(actor.party))
    throw new AppError('asset.approval_not_awaited');
}
