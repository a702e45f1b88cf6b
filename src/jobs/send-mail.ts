import nodemailer from 'nodemailer';
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/notifications.ts';

import { renderNotification } from '../i18n/notifications.ts';
import { actorOf } from '../services/auth/actor.ts';
import type { Db } from '../store/db.ts';
import { findUser } from '../store/directory.ts';
import { findVisibleTicket, lockTicket } from '../store/ticket-reads.ts';
import { appendEvents } from '../services/write-path/record-events.ts';
import type { JobHandler } from './runner.ts';

export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** This instance, to which the `notification_sent` timeline events are attributed. */
  instanceId: string;
}

/** The SMTP connection of mail jobs, with timeouts well inside the job lease (5 min) so a slow server never lets a job run twice. */
export function smtpTransport(url: string) {
  return nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
}

/**
 * RFC 3834: the headers of a mail no person wrote (`auto-replied` when it answers a mail,
 * `auto-generated` otherwise), which other robots (out-of-office replies, a mailbox Passerelle
 * collects) must not answer in turn.
 */
export function automaticMailHeaders(kind: 'auto-generated' | 'auto-replied' = 'auto-generated') {
  return { 'Auto-Submitted': kind, 'X-Auto-Response-Suppress': 'All' };
}

/** Sends a mail Passerelle wrote itself (a notice, a link) to one address, signed, marked automatic (RFC 3834). */
export function sendGenerated(
  transport: ReturnType<typeof smtpTransport>,
  from: string,
  to: string,
  mail: { subject: string; body: string },
) {
  return transport.sendMail({
    from,
    to,
    subject: mail.subject,
    text: `${mail.body}\n\n— Passerelle`,
    headers: automaticMailHeaders(),
  });
}

/** A `mail` job as services/notifications/notify-events.ts queues it. */
const MailJob = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  userId: z.string(),
  ticketId: z.string(),
  params: z.record(z.string(), z.string()),
});

/**
 * The `mail` job: renders a notification in the recipient's language and sends it over
 * SMTP. Visibility is checked again at sending time: a ticket reclassified above the
 * recipient's clearance since the job was queued is not mailed at all.
 */
export function mailHandler(db: Db, settings: MailSettings): JobHandler {
  const transport = smtpTransport(settings.smtpUrl);
  return async (payload) => {
    const job = MailJob.parse(payload);
    const user = await findUser(db, job.userId);
    if (!user?.active || !user.email) return;
    const ticket = await findVisibleTicket(db, actorOf(user), job.ticketId, true);
    if (!ticket) return;
    const { subject, body } = renderNotification(job.kind, user.language, job.params);
    await sendGenerated(transport, settings.from, user.email, { subject, body });
    // TKT-4: the sending is on the timeline, visible to the recipient's own party only.
    await db.transaction(async (tx) => {
      await lockTicket(tx, ticket.id);
      const event = {
        kind: 'notification_sent' as const,
        data: { notification: String(payload.kind), channel: 'email' as const, recipient: user.displayName },
      };
      await appendEvents(
        tx,
        ticket.id,
        { actorId: null, actorName: 'Passerelle', party: user.partyId, instanceId: settings.instanceId },
        [{ event, visibility: 'internal' }],
        new Date(),
      );
    });
  };
}
