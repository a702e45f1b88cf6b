import { findParty, type UserRow } from '../../store/directory.ts';
import type { Db } from '../../store/db.ts';

/** A party that makes TOTP mandatory admits a user without it only to enrolment. */
export async function secondFactorMissing(db: Db, user: Pick<UserRow, 'totpEnabled' | 'partyId'>): Promise<boolean> {
  if (user.totpEnabled) return false;
  return Boolean((await findParty(db, user.partyId))?.requireTotp);
}
