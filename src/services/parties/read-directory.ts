import type { Db } from '../../store/db.ts';
import { findParty, findUser, listGroups, listParties, listPartyUsers } from '../../store/directory.ts';

/** Every party and every group, for pickers and the calendar (names only, no accounts). */
export async function readDirectory(db: Db) {
  return { parties: await listParties(db), groups: await listGroups(db) };
}

/** The parties on the link. */
export function readParties(db: Db) {
  return listParties(db);
}

/** The accounts of one party (the caller's own: the route passes the actor's party). */
export function readPartyUsers(db: Db, party: string) {
  return listPartyUsers(db, party);
}

/** A user and their party, for the caller's own profile; null when the account is gone. */
export async function readProfile(db: Db, userId: string) {
  const user = await findUser(db, userId);
  if (!user) return null;
  return { user, party: await findParty(db, user.partyId) };
}
