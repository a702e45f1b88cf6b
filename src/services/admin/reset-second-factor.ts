import type { Actor } from '../../domain/actor.ts';
import type { Db } from '../../store/db.ts';
import { resetCredential } from './reset-credential.ts';

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
  return resetCredential(
    db,
    actor,
    partyId,
    userId,
    {
      action: 'user.totp_reset',
      activeOnly: false,
      clear: { totpEnabled: false, totpSecret: null, totpLastStep: null },
      then: (_tx, user, updated) => Promise.resolve({ result: updated, audit: { wasEnabled: user.totpEnabled } }),
    },
    now,
  );
}
