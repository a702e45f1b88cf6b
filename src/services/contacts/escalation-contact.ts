import { pickContact } from '../../domain/contact-routing.ts';
import { contactLine } from '../../domain/contacts.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { partyContacts } from '../../store/contact-points.ts';
import type { Db } from '../../store/db.ts';

/**
 * CBM-1 / PARTY-4: the party's directory contact for an escalation level, to be named on the
 * escalation: a confirmed (not stale) entry for that level, no more sensitive than the ticket
 * (everyone who reads the ticket may read it), the most recently confirmed. Null when none.
 */
export async function escalationContact(
  db: Db,
  party: string,
  level: number,
  ticketSensitivity: Sensitivity,
  now: Date,
): Promise<string | null> {
  const { contact } = pickContact(await partyContacts(db, party, { escalationLevel: level }), ticketSensitivity, now);
  return contact ? contactLine(contact) : null;
}
