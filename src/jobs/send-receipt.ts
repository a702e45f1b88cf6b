import { eq } from 'drizzle-orm';

import { renderReceipt } from '../i18n/notifications.ts';
import type { Db } from '../store/db.ts';
import { findParty } from '../store/directory.ts';
import { findMailbox, recordOutgoing } from '../store/mail.ts';
import { tickets } from '../store/schema/index.ts';
import type { JobHandler } from './runner.ts';
import { automaticMailHeaders, smtpTransport, type MailSettings } from './send-mail.ts';

/** A Message-ID in the domain of an address, fixed by a seed so a retried job sends the same one. */
export function messageIdFor(seed: string, address: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? 'passerelle.invalid';
  return `<${seed}@${domain}>`;
}

/**
 * The `mail_receipt` job (SNC 7.6.2): the requester named on a ticket receives its number,
 * in the owning party's language. The mail carries the number only, since nothing is known
 * of the requester's clearance. A ticket opened by mail (COL-2) is answered from its
 * mailbox's address, threaded under the requester's message, and its Message-ID recorded so
 * a reply to it comes back to the ticket.
 */
export function receiptHandler(db: Db, settings: MailSettings): JobHandler {
  const transport = smtpTransport(settings.smtpUrl);
  return async (payload, job) => {
    const [ticket] = await db
      .select({ id: tickets.id, ref: tickets.ref, owner: tickets.ownerParty })
      .from(tickets)
      .where(eq(tickets.id, String(payload.ticketId)));
    if (!ticket) return;
    const lang = (await findParty(db, ticket.owner))?.language ?? 'en';
    const { subject, body } = renderReceipt(lang, ticket.ref);
    const mailbox = payload.mailboxId ? await findMailbox(db, String(payload.mailboxId)) : null;
    if (!mailbox) {
      await transport.sendMail({
        from: settings.from,
        to: String(payload.to),
        subject,
        text: `${body}\n\n— Passerelle`,
        headers: automaticMailHeaders('auto-replied'),
      });
      return;
    }
    const messageId = messageIdFor(`receipt-${job.id}`, mailbox.address);
    await recordOutgoing(db, { messageId, ticketId: ticket.id, mailboxId: mailbox.id, recipient: String(payload.to) });
    const inReplyTo = typeof payload.inReplyTo === 'string' ? payload.inReplyTo : undefined;
    await transport.sendMail({
      from: mailbox.address,
      to: String(payload.to),
      subject,
      text: `${body}\n\n— Passerelle`,
      messageId,
      inReplyTo,
      references: inReplyTo ? [inReplyTo] : undefined,
      headers: automaticMailHeaders('auto-replied'),
    });
  };
}
