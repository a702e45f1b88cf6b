import { AppError } from '../../domain/errors.ts';
import { attachmentContent, attachmentsOf } from '../../store/attachments.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { loadVisibleTicket } from '../write-path/ticket-action.ts';

/** TKT-7: the attachments of a ticket the reader may see, those above their clearance left out. */
export async function listAttachments(ctx: ServiceContext, idOrRef: string) {
  const ticket = await loadVisibleTicket(ctx.db, ctx.actor, idOrRef);
  return attachmentsOf(ctx.db, ticket.id, ctx.actor.clearance);
}

export type AttachmentSummary = Awaited<ReturnType<typeof listAttachments>>[number];

/** One attachment's content, under the same rules as the list (404 when hidden or absent). */
export async function readAttachment(ctx: ServiceContext, idOrRef: string, attachmentId: string) {
  const ticket = await loadVisibleTicket(ctx.db, ctx.actor, idOrRef);
  const file = await attachmentContent(ctx.db, ticket.id, attachmentId, ctx.actor.clearance);
  if (!file) throw new AppError('request.not_found');
  return file;
}
