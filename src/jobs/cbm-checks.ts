import { checkContacts } from '../services/contacts/check-contacts.ts';
import type { Db } from '../store/db.ts';

/** CBM background checks on the SLA check's period; tests pass a pinned `now`. */
export async function checkCbm(db: Db, now: Date = new Date()) {
  const contacts = await checkContacts(db, now);
  return { contacts };
}
