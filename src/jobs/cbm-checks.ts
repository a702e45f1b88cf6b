import { remindConsultations } from '../services/consultations/remind-consultations.ts';
import { checkContacts } from '../services/contacts/check-contacts.ts';
import { remindSummaries } from '../services/exchanges/remind-summaries.ts';
import { remindMeetings } from '../services/meetings/remind-meetings.ts';
import type { Db } from '../store/db.ts';

/**
 * CBM background checks on the SLA check's period: stale and due contacts (CBM-1), yearly
 * summaries (CBM-3), missed consultation deadlines (CBM-5), the meetings count (CBM-6). Each send is stamped in the database, so a
 * restart or another node never repeats it. Tests pass a pinned `now`.
 */
export async function checkCbm(db: Db, now: Date = new Date(), mail = false) {
  const contacts = await checkContacts(db, now);
  const summaries = await remindSummaries(db, now);
  const meetings = await remindMeetings(db, now);
  const consultations = await remindConsultations(db, now, mail);
  return { contacts, summaries, meetings, consultations };
}
