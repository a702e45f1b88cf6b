import { addressInBlocks } from '../../domain/ip-blocks.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { allowlists } from './allowlist-cache.ts';

/** ISM-8: whether a user of the party may work from this address (always, when the party has no list). */
export async function addressAllowed(db: Db, partyId: string, address: string): Promise<boolean> {
  const blocks = (await allowlists(db)).get(partyId);
  return !blocks || addressInBlocks(address, blocks);
}

/** Refuses a request by a user of the party from an address outside its allow-list. */
export async function assertAddressAllowed(db: Db, partyId: string, address: string): Promise<void> {
  if (!(await addressAllowed(db, partyId, address)))
    throw new AppError('auth.address_not_allowed', undefined, { address });
}

/**
 * Sign-in from outside the user's party's allow-list: refused (and audited) only once the
 * credentials are proven, so the answer does not tell strangers which user names exist.
 */
export async function assertSignInAddress(
  db: Db,
  user: { id: string; partyId: string; username: string },
  address: string,
  now: Date,
): Promise<void> {
  if (await addressAllowed(db, user.partyId, address)) return;
  await writeAudit(
    db,
    {
      actorId: user.id,
      party: user.partyId,
      action: 'auth.sign_in_failed',
      data: { username: user.username, address, reason: 'auth.address_not_allowed' },
    },
    now,
  );
  throw new AppError('auth.address_not_allowed', undefined, { address });
}
