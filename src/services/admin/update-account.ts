import type { Actor } from '../../domain/actor.ts';
import { assertMayGrant } from '../../domain/admin.ts';
import { AppError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/lang.ts';
import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { lockPartyUser, retireAccountLinks, updateUser } from '../../store/admin.ts';
import { cutOffUser } from '../../store/access-reviews.ts';
import type { Db } from '../../store/db.ts';
import { writeAudit } from '../../store/ticket-writes.ts';

export interface AccountChange {
  displayName?: string | undefined;
  email?: string | null | undefined;
  roles?: Role[] | undefined;
  clearance?: Sensitivity | undefined;
  language?: Lang | undefined;
  /** false: the account is disabled, its sessions, API tokens and one-time links end at once. */
  active?: boolean | undefined;
}

/**
 * ISM-6: a party administrator changes an account of their own party (another party's is not
 * found): roles and clearance only as they may grant them, never on their own account;
 * disabling cuts the account off at once. Audited with the access before and after.
 * `actor` null: the host's CLI.
 */
export async function updateAccount(
  db: Db,
  actor: Actor | null,
  partyId: string,
  userId: string,
  change: AccountChange,
  now = new Date(),
) {
  if (actor) assertAdministersParty(actor, partyId);
  return db.transaction(async (tx) => {
    const user = await lockPartyUser(tx, partyId, userId);
    if (!user) throw new AppError('user.not_found', 'userId');
    const touchesAccess = change.roles !== undefined || change.clearance !== undefined || change.active !== undefined;
    if (actor && touchesAccess && user.id === actor.id) throw new AppError('access_review.own_account');
    if (actor) assertMayGrant(actor, user, change);
    const patch: AccountChange = {};
    if (change.displayName !== undefined) patch.displayName = change.displayName;
    if (change.email !== undefined) patch.email = change.email;
    if (change.roles !== undefined) patch.roles = [...new Set(change.roles)];
    if (change.clearance !== undefined) patch.clearance = change.clearance;
    if (change.language !== undefined) patch.language = change.language;
    if (change.active !== undefined) patch.active = change.active;
    const updated = Object.keys(patch).length > 0 ? await updateUser(tx, user.id, patch) : user;
    if (change.active === false && user.active) {
      await cutOffUser(tx, user.id, now);
      await retireAccountLinks(tx, user.id, now);
    }
    const before = { roles: user.roles, clearance: user.clearance, active: user.active };
    const after = { roles: updated.roles, clearance: updated.clearance, active: updated.active };
    await writeAudit(
      tx,
      {
        actorId: actor?.id ?? null,
        party: partyId,
        action: change.active === false && user.active ? 'user.disable' : 'user.update',
        targetId: user.id,
        data: { username: user.username, before, after, fields: Object.keys(patch) },
      },
      now,
    );
    return updated;
  });
}
