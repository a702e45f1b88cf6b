import type { Actor } from '../../domain/actor.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { listPartyAccounts } from '../../store/admin.ts';
import type { Db } from '../../store/db.ts';

/** Every account of the administrator's own party, disabled ones included (another party's: refused). */
export async function listAccounts(db: Db, actor: Actor | null, partyId: string) {
  if (actor) assertAdministersParty(actor, partyId);
  return listPartyAccounts(db, partyId);
}
