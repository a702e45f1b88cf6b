import { levelToReach, pickContact, type ContactRoute } from '../../domain/contact-routing.ts';
import { confirmationDue, contactLine, type ContactLevel } from '../../domain/contacts.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { partyContacts, partyUserByEmail } from '../../store/contact-points.ts';
import type { Db } from '../../store/db.ts';
import { findDesk } from '../../store/directory.ts';
import { groupMemberIds } from '../../store/notifications.ts';
import { loadSlaEnvironment } from '../sla/sla-environment.ts';
import { labelOf } from '../../i18n/labels.ts';

/** How a notification reaches some parties through their points of contact (CBM-1). */
export interface DirectoryReach {
  /** Accounts to tell: a contact who has one, and the desk when it is a channel or the fallback. */
  userIds: string[];
  /** Contacts reached by e-mail at an address that is no account of their party. */
  outsiders: { contactId: string; party: string; level: ContactLevel }[];
  /** Text added to the notification (both languages): lapsed entries, flagged. */
  params: Record<string, string>;
}

const EMPTY: DirectoryReach = { userIds: [], outsiders: [], params: {} };

/** True while the party's business calendar is open (its own hours, holidays, closures). */
async function isOpen(db: Db, party: string, now: Date): Promise<boolean> {
  const env = await loadSlaEnvironment(db, [party], now, new Date(now.getTime() + 1));
  return env.partyClock(party).between(now.getTime(), now.getTime() + 1) > 0;
}

async function deskMembers(db: Db, party: string): Promise<string[]> {
  const desk = await findDesk(db, party);
  return desk ? groupMemberIds(db, [desk.id]) : [];
}

function staleText(party: string, level: ContactLevel, line: string, due: Date) {
  const day = due.toISOString().slice(0, 10);
  return {
    en:
      ` ${party}'s point of contact (${labelOf('en', 'contactLevel', level)}), ${line}, lapsed on ${day}` +
      ` and must be confirmed: ${party}'s desk is told instead.`,
    fr:
      ` Le point de contact de ${party} (${labelOf('fr', 'contactLevel', level)}), ${line}, est échu depuis le ${day}` +
      ` et doit être confirmé : le centre de services de ${party} est prévenu à sa place.`,
  };
}

/**
 * Who to tell at each party for a notification routed through the directory: the party's
 * current contact at the route's level (the on-call contact outside its business hours), by its
 * channels — its own account if its e-mail is one of the party's accounts, else a mail to the
 * address; the party's desk in the application when `desk` is a channel. A lapsed entry is
 * flagged in the notification and the desk is told instead, as it is when the contact has no
 * channel Passerelle can use (phone only); a party with no entry at that level is told only as
 * the notification's own rules say. Callers keep the ticket
 * rules: only parties on the ticket, and only accounts that may read it (`userMaySee`).
 */
export async function directoryReach(
  db: Db,
  route: Pick<ContactRoute, 'level' | 'outOfHoursOnly'>,
  parties: string[],
  ticketSensitivity: Sensitivity,
  now: Date,
): Promise<DirectoryReach> {
  const reach: DirectoryReach = { userIds: [], outsiders: [], params: {} };
  const en: string[] = [];
  const fr: string[] = [];
  // In sequence: `db` is the caller's transaction, one client running one query at a time.
  for (const party of parties) {
    const level = levelToReach(route, await isOpen(db, party, now));
    if (!level) continue;
    const { contact, stale } = pickContact(await partyContacts(db, party, { level }), ticketSensitivity, now);
    // The desk: when it is one of the contact's channels, or instead of a lapsed entry.
    let desk = contact ? contact.channels.includes('desk') : stale !== null;
    if (contact?.email && contact.channels.includes('email')) {
      const account = await partyUserByEmail(db, party, contact.email);
      if (account) reach.userIds.push(account);
      else reach.outsiders.push({ contactId: contact.id, party, level });
    } else if (contact) desk = true;
    if (stale) {
      const text = staleText(party, level, contactLine(stale), confirmationDue(stale.confirmedAt));
      en.push(text.en);
      fr.push(text.fr);
    }
    if (desk) reach.userIds.push(...(await deskMembers(db, party)));
  }
  if (en.length > 0) reach.params = { directory_en: en.join(''), directory_fr: fr.join('') };
  return reach.userIds.length || reach.outsiders.length || en.length ? reach : EMPTY;
}
