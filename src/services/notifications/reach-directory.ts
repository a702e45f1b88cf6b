import { CONTACT_ROUTES } from '../../domain/contact-routing.ts';
import type { NotificationKind } from '../../domain/notifications.ts';
import type { Db } from '../../store/db.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { directoryReach, type DirectoryReach } from '../contacts/directory-reach.ts';

/**
 * CBM-1: the points of contact a ticket notification reaches, per `CONTACT_ROUTES`: the party
 * now holding the ticket, or the parties named on the event — only parties on the ticket, so a
 * party not involved is never reached through its directory.
 */
export async function reachDirectory(
  db: Db,
  kind: NotificationKind,
  ticket: TicketRow,
  data: Record<string, unknown>,
  now: Date,
): Promise<DirectoryReach> {
  const route = CONTACT_ROUTES[kind];
  if (!route) return { userIds: [], outsiders: [], params: {} };
  const named = route.parties === 'holder' ? [ticket.holderParty] : ((data.parties as string[] | undefined) ?? []);
  const parties = [...new Set(named)].filter((p) => ticket.participants.includes(p));
  return directoryReach(db, route, parties, ticket.sensitivity, now);
}
