import { parseDetails } from '../domain/details.ts';
import { and, eq, ne } from 'drizzle-orm';
import { regulatoryClocks, type SecurityDetails } from '../domain/security.ts';
import { applyTicketChange } from '../services/write-path/record-events.ts';
import type { Db } from '../store/db.ts';
import { tickets } from '../store/schema/index.ts';
import { lockTicket } from '../store/ticket-reads.ts';
import type { PendingEvent } from '../store/ticket-writes.ts';
import { detailsOf } from '../services/write-path/details.ts';

/** Stages due soon or overdue, not yet sent and not yet reminded. */
function remindable(details: SecurityDetails, awareAt: Date, now: Date) {
  return regulatoryClocks(awareAt, details.stages, now).filter(
    (c) => (c.state === 'due_soon' || c.state === 'overdue') && !details.reminded?.[c.stage],
  );
}

/**
 * SEC-8: reminds the security officers of the parties on an open security incident before each
 * regulatory deadline (early warning 24 h, notification 72 h, final report one month), once per
 * stage, under the ticket's row lock so several nodes may run it.
 */
export async function remindRegulatoryDeadlines(
  db: Db,
  instanceId: string,
  mail: boolean,
  now = new Date(),
): Promise<number> {
  const open = await db
    .select({ id: tickets.id, details: tickets.details, createdAt: tickets.createdAt })
    .from(tickets)
    .where(and(eq(tickets.type, 'security'), ne(tickets.status, 'closed')));
  let reminded = 0;
  for (const row of open) {
    const details = parseDetails('security', row.details, row.id);
    if (remindable(details, new Date(details.awareAt ?? row.createdAt), now).length === 0) continue;
    await db.transaction(async (tx) => {
      const ticket = await lockTicket(tx, row.id);
      const fresh = detailsOf(ticket, 'security');
      const due = remindable(fresh, new Date(fresh.awareAt ?? ticket.createdAt), now);
      if (due.length === 0) return;
      const events: PendingEvent[] = due.map((c) => ({
        event: {
          kind: 'regulatory_reminder',
          data: { stage: c.stage, dueAt: c.dueAt, parties: ticket.participants, roles: ['security_officer'] },
        },
      }));
      const remindedNow = Object.fromEntries(due.map((c) => [c.stage, true]));
      await applyTicketChange(
        tx,
        ticket,
        { details: { ...fresh, reminded: { ...fresh.reminded, ...remindedNow } } },
        { actorId: null, actorName: 'Passerelle', party: ticket.ownerParty, instanceId },
        events,
        now,
        mail,
      );
      reminded += due.length;
    });
  }
  return reminded;
}
