import { AppError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/identifiers.ts';
import { findVisibleTicket } from '../../store/ticket-reads.ts';
import { pagesLinkingTo } from '../../store/wiki.ts';
import type { ServiceContext } from '../write-path/context.ts';

/** COL-4: the wiki pages linking to a ticket, for a reader who may see the ticket — only the pages they may see. */
export async function ticketWikiPages(ctx: ServiceContext, idOrRef: string) {
  const ticket = await findVisibleTicket(ctx.db, ctx.actor, idOrRef, isUuid(idOrRef));
  if (!ticket) throw new AppError('ticket.not_found');
  return { items: await pagesLinkingTo(ctx.db, ctx.actor, ticket.id) };
}
