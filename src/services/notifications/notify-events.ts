import { notificationFor } from '../../domain/notifications.ts';
import { formatDuration } from '../../i18n/notifications.ts';
import type { Db } from '../../store/db.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { insertNotifications, prefsFor } from '../../store/notifications.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import { recipientsOf } from './recipients.ts';
import { reachDirectory } from './reach-directory.ts';

const CLOCK_NAMES: Record<string, string> = { gti: 'GTI', gtr: 'GTR', gte: 'GTE' };

/** Template parameters of an event: only the reference, title, parties, groups and SLA figures. */
function paramsOf(ticket: TicketRow, data: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = { ref: ticket.ref, title: ticket.title };
  const target = data.assigneeName ?? data.groupName ?? data.levelName ?? data.toParty;
  if (target !== undefined && target !== null) params.target = String(target);
  if (data.fromParty) params.from = String(data.fromParty);
  // CBM-1: an escalation names the directory's contact for the new level (empty when none).
  if (typeof data.mode === 'string') {
    params.contact_en = typeof data.contact === 'string' ? ` Contact at this level: ${data.contact}.` : '';
    params.contact_fr = typeof data.contact === 'string' ? ` Contact à ce niveau : ${data.contact}.` : '';
  }
  if (typeof data.clock === 'string') {
    params.clock = CLOCK_NAMES[data.clock] ?? data.clock;
    params.target = formatDuration(Number(data.targetMs));
    params.elapsed = formatDuration(Number(data.elapsedMs));
  }
  return params;
}

/**
 * The outbox of notifications for events just written, in the same transaction: in-app
 * rows, and one mail job per recipient when mail is configured, each per the recipient's
 * preferences. Mail is rendered only when sent, in the recipient's language.
 */
export async function notifyEvents(
  tx: Db,
  ticket: TicketRow,
  events: PendingEvent[],
  actorId: string | null,
  mail: boolean,
  now: Date,
) {
  for (const { event } of events) {
    const kind = notificationFor(event.kind, event.data);
    if (!kind) continue;
    // The confirmation of a recording goes by e-mail: in the console the creator has just seen it.
    if (kind === 'ticket_recorded' && !mail) continue;
    const reach = await reachDirectory(tx, kind, ticket, event.data, now);
    const recipients = await recipientsOf(tx, kind, ticket, actorId, event.data, reach.userIds);
    if (mail)
      for (const outsider of reach.outsiders)
        await enqueueJob(tx, 'contact_mail', { kind, contactId: outsider.contactId, ticketId: ticket.id });
    if (recipients.length === 0) continue;
    const prefs = await prefsFor(
      tx,
      recipients.map((u) => u.id),
      kind,
    );
    const params = { ...paramsOf(ticket, event.data), ...reach.params };
    const inApp = recipients.filter(
      (u) => (prefs.get(u.id)?.inApp ?? true) && !(kind === 'ticket_recorded' && u.id === actorId),
    );
    await insertNotifications(
      tx,
      inApp.map((u) => ({ userId: u.id, kind, ticketId: ticket.id, params })),
      now,
    );
    if (!mail) continue;
    for (const user of recipients.filter((u) => u.email && (prefs.get(u.id)?.email ?? true))) {
      await enqueueJob(tx, 'mail', { kind, userId: user.id, ticketId: ticket.id, params });
    }
  }
}
