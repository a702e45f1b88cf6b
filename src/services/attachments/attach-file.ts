import { AppError } from '../../domain/errors.ts';
import { clearanceCovers, sensitivityRank, type Sensitivity } from '../../domain/sensitivity.ts';
import { insertAttachment } from '../../store/attachments.ts';
import { findParty } from '../../store/directory.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';
import { prepareFile } from './prepare-file.ts';

export interface AttachInput {
  name: string;
  /** What the uploader says the file is; the stored type is detected from the content. */
  mediaType?: string | undefined;
  /** The file, base64 (JSON API) … */
  contentBase64?: string | undefined;
  /** … or as received (console upload). */
  content?: Buffer | undefined;
  sensitivity?: Sensitivity | undefined;
  version?: number | undefined;
}

/**
 * TKT-7 / ISM-4: a file attached to a ticket with a sensitivity of its own — never below the
 * ticket's, never above the uploader's clearance — so a reader of the ticket sees it only when
 * cleared for it too. Attaching is commenting: allowed to whoever may comment. The name is
 * made safe, the type detected from the content, the size bounded by the uploader's party.
 */
export async function attachFile(ctx: ServiceContext, idOrRef: string, input: AttachInput) {
  let content = input.content;
  if (!content) {
    const base64 = input.contentBase64 ?? '';
    content = Buffer.from(base64, 'base64');
    if (content.length === 0 || content.toString('base64') !== base64.replace(/\s/g, ''))
      throw new AppError('validation.invalid', 'contentBase64', { field: 'contentBase64', detail: 'base64' });
  }
  const field = input.content ? 'content' : 'contentBase64';
  if (content.length === 0) throw new AppError('validation.required', field, { field });
  const limit = (await findParty(ctx.db, ctx.actor.party))?.attachmentMaxBytes ?? 10_000_000;
  if (content.length > limit) throw new AppError('request.too_large', field);
  const file = await prepareFile(content, input.name, input.mediaType);
  let attached: Awaited<ReturnType<typeof insertAttachment>> | undefined;
  const ticket = await runTicketAction(ctx, idOrRef, 'comment', input.version, async (row, tx, now) => {
    const sensitivity = input.sensitivity ?? row.sensitivity;
    if (sensitivityRank(sensitivity) < sensitivityRank(row.sensitivity))
      throw new AppError('validation.invalid', 'sensitivity', { field: 'sensitivity', detail: 'below_ticket' });
    if (!clearanceCovers(ctx.actor.clearance, sensitivity))
      throw new AppError('ticket.sensitivity_too_high', 'sensitivity');
    attached = await insertAttachment(tx, {
      ...file,
      ticketId: row.id,
      sensitivity,
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
