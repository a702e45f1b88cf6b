import type { ConsultationDetails } from '../../domain/processes.ts';
import { userMaySee } from '../../policies/ticket-visibility.ts';
import type { Db } from '../../store/db.ts';
import { insertNotifications, prefsFor, usersWithRole } from '../../store/notifications.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';

/**
 * CBM-5: tells the consulted party's desk about its consultation (asked, or a deadline missed).
 * The notification is tied to the ticket: only people who may read it (the parties involved,
 * cleared for its level) ever see it, now or after a reclassification.
 */
export async function tellConsultedDesk(
  tx: Db,
  ticket: TicketRow,
  details: ConsultationDetails,
  what: { what_en: string; what_fr: string },
  dueAt: string,
  now: Date,
): Promise<void> {
  const desk = (await usersWithRole(tx, [details.consultedParty], 'agent')).filter((u) => userMaySee(u, ticket));
  const prefs = await prefsFor(
    tx,
    desk.map((u) => u.id),
    'cbm_due',
  );
  await insertNotifications(
    tx,
    desk
      .filter((u) => prefs.get(u.id)?.inApp !== false)
      .map((u) => ({
        userId: u.id,
        kind: 'cbm_due' as const,
        ticketId: ticket.id,
        params: {
          ...what,
          title: `${ticket.ref} ${ticket.title}`,
          dueAt: dueAt.slice(0, 16).replace('T', ' '),
          path: `/tickets/${ticket.ref}`,
        },
      })),
    now,
  );
}
