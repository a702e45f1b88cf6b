import { CONSULTATION_LEVEL } from '../../domain/contact-routing.ts';
import type { ConsultationDetails } from '../../domain/processes.ts';
import { userMaySee } from '../../policies/ticket-visibility.ts';
import type { Db } from '../../store/db.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { insertNotifications, prefsFor, usersByIds, usersWithRole } from '../../store/notifications.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { directoryReach } from '../contacts/directory-reach.ts';

/**
 * CBM-5: tells the consulted party's desk about its consultation (asked, or a deadline missed),
 * and its policy-level point of contact (CBM-1; the on-call contact out of hours), in the
 * application, or by e-mail when the address is no account and `mail` is on. The notification is
 * tied to the ticket: only people who may read it (the parties involved, cleared for its level)
 * ever see it, now or after a reclassification.
 */
export async function tellConsultedDesk(
  tx: Db,
  ticket: TicketRow,
  details: ConsultationDetails,
  what: { what_en: string; what_fr: string },
  /** The contact mail's kind (i18n/contact-mail.ts): asked to consult, or a deadline passed. */
  mailKind: 'consultation' | 'consultation_due',
  dueAt: string,
  now: Date,
  mail: boolean,
): Promise<void> {
  const consulted = ticket.participants.includes(details.consultedParty) ? [details.consultedParty] : [];
  const reach = await directoryReach(tx, { level: CONSULTATION_LEVEL }, consulted, ticket.sensitivity, now);
  const agents = await usersWithRole(tx, consulted, 'agent');
  const named = await usersByIds(
    tx,
    reach.userIds.filter((id) => !agents.some((u) => u.id === id)),
  );
  const desk = [...agents, ...named].filter((u) => userMaySee(u, ticket));
  if (mail)
    for (const outsider of reach.outsiders)
      await enqueueJob(tx, 'contact_mail', {
        kind: mailKind,
        contactId: outsider.contactId,
        ticketId: ticket.id,
      });
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
          ...reach.params,
        },
      })),
    now,
  );
}
