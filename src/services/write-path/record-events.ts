import type { Db } from '../../store/db.ts';
import { inOrder } from '../../store/in-order.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import {
  foldEvents,
  insertEventRows,
  readEventTarget,
  updateTicket,
  writeEventProjection,
  type EventAuthor,
  type NewTicket,
  type PendingEvent,
} from '../../store/ticket-writes.ts';
import { slaColumnsOf } from '../sla/sla-next-check.ts';
import { notifyEvents } from '../notifications/notify-events.ts';

/**
 * Writes a change to a ticket locked by the caller, in the caller's transaction: the new
 * state, the timeline events folded into the same row update (sequence, SLA facts, next SLA due and check instants), the event
 * rows and the notifications they cause. Use cases and the SLA check all change tickets
 * through here, so none forgets the timeline or the notifications.
 */
export async function applyTicketChange(
  tx: Db,
  ticket: TicketRow,
  patch: Partial<NewTicket>,
  author: EventAuthor,
  events: PendingEvent[],
  now: Date,
  mail: boolean,
): Promise<TicketRow> {
  const folded = foldEvents(ticket, author, events, now);
  const sla = await slaColumnsOf(tx, { ...ticket, ...patch, ...folded.patch }, now);
  // Sent together (store/in-order.ts): the store is not held a round trip between them.
  const [updated] = await inOrder(
    tx,
    () => updateTicket(tx, ticket.id, { ...patch, ...folded.patch, ...sla }, now),
    () => insertEventRows(tx, folded.rows),
  );
  await notifyEvents(tx, updated, events, author.actorId, mail, now);
  return updated;
}

/**
 * Appends events to a ticket locked by the caller, in the caller's transaction: links, mail sent,
 * another ticket's news. They fold into its sequence and SLA facts — hence its next SLA due
 * instant — without changing its version. No notification: the callers notify what they announce.
 */
export async function appendEvents(tx: Db, ticketId: string, author: EventAuthor, events: PendingEvent[], now: Date) {
  if (events.length === 0) return;
  const target = await readEventTarget(tx, ticketId);
  const { patch, rows } = foldEvents(target, author, events, now);
  const sla = await slaColumnsOf(tx, { ...target, ...patch }, now);
  await inOrder(
    tx,
    () => writeEventProjection(tx, ticketId, { ...patch, ...sla }),
    () => insertEventRows(tx, rows),
  );
}
