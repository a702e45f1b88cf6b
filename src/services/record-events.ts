import type { Db } from '../store/db.ts';
import type { TicketRow } from '../store/ticket-reads.ts';
import { appendEvents, type EventAuthor, type PendingEvent } from '../store/ticket-writes.ts';
import { notifyEvents } from './notifications/notify-events.ts';

/**
 * Writes timeline events and the notifications they cause, in the caller's transaction.
 * Every use case and job records events through here, so none forgets to notify.
 */
export async function recordEvents(tx: Db, ticket: TicketRow, author: EventAuthor, events: PendingEvent[], now: Date, mail: boolean) {
  await appendEvents(tx, ticket.id, author, events, now);
  await notifyEvents(tx, ticket, events, author.actorId, mail, now);
}
