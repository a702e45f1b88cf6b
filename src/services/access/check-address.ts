import { addressInBlocks } from '../../domain/ip-blocks.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
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
