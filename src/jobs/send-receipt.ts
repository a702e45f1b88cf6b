import { eq } from 'drizzle-orm';

import { renderReceipt } from '../i18n/notifications.ts';
import type { Db } from '../store/db.ts';
import { findParty } from '../store/directory.ts';
import { tickets } from '../store/schema/index.ts';
import type { JobHandler } from './runner.ts';
import { smtpTransport, type MailSettings } from './send-mail.ts';

/**
 * The `mail_receipt` job (SNC 7.6.2): the requester named on a ticket receives its number,
 * in the owning party's language. The mail carries the number only, since nothing is known
 * of the requester's clearance.
 */
export function receiptHandler(db: Db, settings: MailSettings): JobHandler {
  const transport = smtpTransport(settings.smtpUrl);
  return async (payload) => {
    const [ticket] = await db
      .select({ ref: tickets.ref, owner: tickets.ownerParty })
      .from(tickets)
      .where(eq(tickets.id, String(payload.ticketId)));
    if (!ticket) return;
    const lang = (await findParty(db, ticket.owner))?.language ?? 'en';
    const { subject, body } = renderReceipt(lang, ticket.ref);
    await transport.sendMail({ from: settings.from, to: String(payload.to), subject, text: `${body}\n\n— Passerelle` });
  };
}
