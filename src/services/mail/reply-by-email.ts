import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { asLang, type Lang } from '../../domain/lang.ts';
import { normalizeAddress } from '../../domain/mail.ts';
import { clearanceCovers, type Sensitivity } from '../../domain/sensitivity.ts';
import { userMaySee } from '../../policies/ticket-visibility.ts';
import { attachmentContent } from '../../store/attachments.ts';
import { findParty } from '../../store/directory.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { recordOutgoing, sendingMailbox, threadOf, usersByEmail } from '../../store/mail.ts';
import { messageIdFor } from '../../jobs/send-receipt.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface ReplyInput {
  body: string;
  attachmentIds?: string[] | undefined;
  version?: number | undefined;
}

/**
 * COL-2: an agent answers the requester by e-mail. The answer is a shared comment (internal
 * notes never leave), sent from the party's mailbox, threaded under the ticket's mail with the
 * reference in the subject, in the requester's language where known, with the chosen
 * attachments — each one the agent may read and the requester may receive: a user of a party
 * on the ticket up to their clearance, anyone else only ETS LIMITED files.
 */
export async function replyByEmail(ctx: ServiceContext, idOrRef: string, input: ReplyInput) {
  if (!ctx.mail) throw new AppError('mail.not_configured');
  let messageId = '';
  const ticket = await runTicketAction(ctx, idOrRef, 'comment', input.version, async (row, tx, now) => {
    if (!row.reporterEmail) throw new AppError('mail.no_requester');
    const mailbox = await sendingMailbox(tx, ctx.actor.party);
    if (!mailbox) throw new AppError('mailbox.none');
    const to = normalizeAddress(row.reporterEmail);
    const requester = (await usersByEmail(tx, to)).find((u) => userMaySee(u, row));
    const ceiling: Sensitivity = requester ? requester.clearance : 'LIMITED';
    const ids = [...new Set(input.attachmentIds ?? [])];
    for (const [index, id] of ids.entries()) {
      const file = await attachmentContent(tx, row.id, id, ctx.actor.clearance);
      if (!file) throw new AppError('attachment.not_found', `attachmentIds.${index}`);
      if (!clearanceCovers(ceiling, file.sensitivity))
        throw new AppError('ticket.sensitivity_too_high', `attachmentIds.${index}`);
    }
    const thread = await threadOf(tx, row.id);
    const lang: Lang =
      requester?.language ?? asLang(thread.language) ?? (await findParty(tx, row.ownerParty))?.language ?? 'en';
    messageId = messageIdFor(randomUUID(), mailbox.address);
    await recordOutgoing(tx, { messageId, ticketId: row.id, mailboxId: mailbox.id, recipient: to, sentAt: now });
    await enqueueJob(tx, 'mail_reply', {
      ticketId: row.id,
      mailboxId: mailbox.id,
      messageId,
      to,
      body: input.body,
      attachmentIds: ids,
      lang,
      inReplyTo: thread.inReplyTo ?? null,
      references: thread.references.slice(-20),
    });
    return {
      events: [
        { event: { kind: 'comment', data: { body: input.body, via: 'email', emailedTo: to } }, visibility: 'shared' },
      ],
      audit: { emailedTo: to, messageId },
    };
  });
  return { ticket, messageId };
}
