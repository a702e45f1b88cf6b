import { AppError } from '../../domain/errors.ts';
import { findVisibleTicket } from '../../store/ticket-reads.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { insertTicketLink } from '../../store/wiki.ts';
import { isUuid } from '../../domain/identifiers.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { assertMayWrite, visiblePage } from './common.ts';

/**
 * COL-4: links a page to a ticket the actor may see. The link reveals nothing: a page lists only
 * the tickets its reader may see, a ticket only the pages its reader may see.
 */
export async function linkWikiTicket(ctx: ServiceContext, slug: string, ticket: string) {
  const { actor } = ctx;
  assertMayWrite(actor);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const page = await visiblePage(tx, actor, slug);
    const target = await findVisibleTicket(tx, actor, ticket, isUuid(ticket));
    if (!target) throw new AppError('ticket.not_found', 'ticket');
    await insertTicketLink(tx, page.id, target.id, now);
    await writeAudit(
      tx,
      { actorId: actor.id, party: actor.party, action: 'wiki.link', targetId: page.id, data: { ticket: target.ref } },
      now,
    );
    return { slug, ticket: target.ref };
  });
}
