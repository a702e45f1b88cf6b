import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { lockPartyUser, updateUser } from '../../store/admin.ts';
import { cutOffUser } from '../../store/access-reviews.ts';
import type { Db } from '../../store/db.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { issueAccountLink, type LinkDelivery } from './account-links.ts';

/**
 * A party administrator resets an account's password: the old one stops working, the
 * account's sessions and API tokens end, and a one-time link lets its owner set a new one.
 */
export async function resetPassword(
  db: Db,
  actor: Actor | null,
  partyId: string,
  userId: string,
  delivery: LinkDelivery,
  now = new Date(),
) {
  if (actor) assertAdministersParty(actor, partyId);
  return db.transaction(async (tx) => {
    const user = await lockPartyUser(tx, partyId, userId);
    if (!user) throw new AppError('user.not_found', 'userId');
    if (!user.active) throw new AppError('user.inactive', 'userId');
    await updateUser(tx, user.id, { passwordHash: null });
    await cutOffUser(tx, user.id, now);
    const link = await issueAccountLink(tx, user, 'reset', actor?.id ?? null, delivery, now);
    await writeAudit(
      tx,
      {
        actorId: actor?.id ?? null,
        party: partyId,
        action: 'user.password_reset',
        targetId: user.id,
        data: { username: user.username, mailed: link.mailed },
      },
      now,
    );
    return link;
  });
}
