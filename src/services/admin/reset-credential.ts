import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { cutOffUser } from '../../store/access-reviews.ts';
import { lockPartyUser, updateUser } from '../../store/admin.ts';
import type { Db } from '../../store/db.ts';
import type { UserRow } from '../../store/directory.ts';
import { writeAudit } from '../../store/ticket-writes.ts';

/** One credential an administrator resets: what is cleared, what is audited, what follows. */
export interface CredentialReset<R> {
  action: 'user.password_reset' | 'user.totp_reset';
  /** Only an active account (a password reset hands its owner a link to set a new one). */
  activeOnly: boolean;
  clear: Parameters<typeof updateUser>[2];
  /** Runs once the credential is cleared and the account cut off; `audit` joins the audit entry's data. */
  then(tx: Db, before: UserRow, updated: UserRow): Promise<{ result: R; audit: Record<string, unknown> }>;
}

/**
 * The shared part of resetting an account's credential, in one transaction: the party's
 * administrator (or the CLI, no actor) clears it on the account of their party, the account's
 * sessions and API tokens end, and the reset is audited.
 */
export async function resetCredential<R>(
  db: Db,
  actor: Actor | null,
  partyId: string,
  userId: string,
  reset: CredentialReset<R>,
  now: Date,
): Promise<R> {
  if (actor) assertAdministersParty(actor, partyId);
  return db.transaction(async (tx) => {
    const user = await lockPartyUser(tx, partyId, userId);
    if (!user) throw new AppError('user.not_found', 'userId');
    if (reset.activeOnly && !user.active) throw new AppError('user.inactive', 'userId');
    const updated = await updateUser(tx, user.id, reset.clear);
    await cutOffUser(tx, user.id, now);
    const { result, audit } = await reset.then(tx, user, updated);
    await writeAudit(
      tx,
      {
        actorId: actor?.id ?? null,
        party: partyId,
        action: reset.action,
        targetId: user.id,
        data: { username: user.username, ...audit },
      },
      now,
    );
    return result;
  });
}
