import type { Actor } from '../../domain/actor.ts';
import type { Db } from '../../store/db.ts';
import { issueAccountLink, type LinkDelivery } from './account-links.ts';
import { resetCredential } from './reset-credential.ts';

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
  return resetCredential(
    db,
    actor,
    partyId,
    userId,
    {
      action: 'user.password_reset',
      activeOnly: true,
      clear: { passwordHash: null },
      async then(tx, user) {
        const link = await issueAccountLink(tx, user, 'reset', actor?.id ?? null, delivery, now);
        return { result: link, audit: { mailed: link.mailed } };
      },
    },
    now,
  );
}
