import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { lockPartyUser, updateUser } from '../../store/admin.ts';
import { cutOffUser } from '../../store/access-reviews.ts';
import type { Db } from '../../store/db.ts';
import { writeAudit } from '../../store/ticket-writes.ts';

/**
 * A party administrator removes an account's second factor (a lost phone): the account's
 * sessions end, and its owner enrols again at the next sign-in (mandatory when the party says so).
 */
export async function resetSecondFactor(
  db: Db,
  actor: Actor | null,
  partyId: string,
  userId: string,
  now = new Date(),
) {
  if (actor) assertAdministersParty(actor, partyId);
  return db.transaction(async (tx) => {
    const user = await lockPartyUser(tx, partyId, userId);
    if (!user) throw new AppError('user.not_found', 'userId');
    const updated = await updateUser(tx, user.id, { totpEnabled: false, totpSecret: null, totpLastStep: null });
    await cutOffUser(tx, user.id, now);
    await writeAudit(
      tx,
      {
        actorId: actor?.id ?? null,
        party: partyId,
        action: 'user.totp_reset',
        targetId: user.id,
        data: { username: user.username, wasEnabled: user.totpEnabled },
      },
      now,
    );
    return updated;
  });
}
