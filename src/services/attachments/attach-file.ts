import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { clearanceCovers, sensitivityRank, type Sensitivity } from '../../domain/sensitivity.ts';
import { insertAttachment } from '../../store/attachments.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface AttachInput {
  name: string;
  mediaType: string;
  contentBase64: string;
  sensitivity?: Sensitivity | undefined;
  version?: number | undefined;
}

const MAX_BYTES = 700_000;

/**
 * TKT-7 / ISM-4: a file attached to a ticket with a sensitivity of its own — never below the
 * ticket's, never above the uploader's clearance — so a reader of the ticket sees it only when
 * cleared for it too. Attaching is commenting: allowed to whoever may comment.
 */
export async function attachFile(ctx: ServiceContext, idOrRef: string, input: AttachInput) {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0 || content.toString('base64') !== input.contentBase64.replace(/\s/g, ''))
    throw new AppError('validation.invalid', 'contentBase64', { field: 'contentBase64', detail: 'base64' });
  if (content.length > MAX_BYTES) throw new AppError('request.too_large', 'contentBase64');
  let attached: Awaited<ReturnType<typeof insertAttachment>> | undefined;
  const ticket = await runTicketAction(ctx, idOrRef, 'comment', input.version, async (row, tx, now) => {
    const sensitivity = input.sensitivity ?? row.sensitivity;
    if (sensitivityRank(sensitivity) < sensitivityRank(row.sensitivity))
      throw new AppError('validation.invalid', 'sensitivity', { field: 'sensitivity', detail: 'below_ticket' });
    if (!clearanceCovers(ctx.actor.clearance, sensitivity))
      throw new AppError('ticket.sensitivity_too_high', 'sensitivity');
    attached = await insertAttachment(tx, {
      id: randomUUID(),
      ticketId: row.id,
      name: input.name,
      mediaType: input.mediaType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      sensitivity,
      content,
      party: ctx.actor.party,
      uploadedBy: ctx.actor.id,
      createdAt: now,
    });
    // The timeline says a file was attached and at which level, not its name: readers below that level see only that much.
    return {
      events: [{ event: { kind: 'attachment_added' as const, data: { attachmentId: attached.id, sensitivity } } }],
    };
  });
  return { ticket, attachment: attached! };
}
