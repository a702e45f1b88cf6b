import { and, eq, inArray } from 'drizzle-orm';
import { replySubject } from '../domain/mail.ts';
import { replyFooter } from '../i18n/notifications.ts';
import type { Db } from '../store/db.ts';
import { findMailbox } from '../store/mail.ts';
import { attachments, tickets } from '../store/schema/index.ts';
import type { JobHandler } from './runner.ts';
import { smtpTransport, type MailSettings } from './send-mail.ts';

/**
 * The `mail_reply` job (COL-2): sends an agent's answer to the requester from the party's
 * mailbox, with the Message-ID recorded when the answer was written (a retried job sends the
 * same one), In-Reply-To/References to the ticket's mail and the reference in the subject.
 */
export function replyHandler(db: Db, settings: MailSettings): JobHandler {
  const transport = smtpTransport(settings.smtpUrl);
  return async (payload) => {
    const [ticket] = await db
      .select({ id: tickets.id, ref: tickets.ref, title: tickets.title })
      .from(tickets)
      .where(eq(tickets.id, String(payload.ticketId)));
    const mailbox = await findMailbox(db, String(payload.mailboxId));
    if (!ticket || !mailbox) return;
    const ids = (payload.attachmentIds as string[] | undefined) ?? [];
    const files =
      ids.length === 0
        ? []
        : await db
            .select({ name: attachments.name, mediaType: attachments.mediaType, content: attachments.content })
            .from(attachments)
            .where(and(eq(attachments.ticketId, ticket.id), inArray(attachments.id, ids)));
    const references = (payload.references as string[] | undefined) ?? [];
    const lang = payload.lang === 'fr' ? 'fr' : 'en';
    await transport.sendMail({
      from: mailbox.address,
      to: String(payload.to),
      subject: replySubject(ticket.ref, ticket.title),
      text: `${String(payload.body)}\n\n-- \n${replyFooter(lang, ticket.ref)}`,
      messageId: String(payload.messageId),
      inReplyTo: typeof payload.inReplyTo === 'string' ? payload.inReplyTo : undefined,
      references: references.length > 0 ? references : undefined,
      headers: { 'Content-Language': lang },
      attachments: files.map((f) => ({ filename: f.name, content: Buffer.from(f.content), contentType: f.mediaType })),
    });
  };
}
