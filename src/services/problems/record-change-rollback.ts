import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../store/db.ts';
import { ticketLinks, tickets } from '../../store/schema/index.ts';
import { lockTicket, type TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { applyTicketChange } from '../write-path/record-events.ts';
import { authorOf } from '../write-path/ticket-action.ts';

/**
 * PRB-3 / REL-5: a change that closed a problem has been rolled back. The problem stays
 * closed (a closed ticket is never reopened, TKT-3): the rollback is recorded on its timeline
 * and its owning desk is notified, which decides whether to record a new problem. Runs in the
 * rollback's transaction, once per closed problem the change was raised for.
 */
export async function recordChangeRollback(
  ctx: ServiceContext,
  tx: Db,
  change: TicketRow,
  reason: string,
  now: Date,
): Promise<void> {
  const closed = await tx
    .select({ id: tickets.id })
    .from(ticketLinks)
    .innerJoin(tickets, eq(tickets.id, ticketLinks.toId))
    .where(
      and(
        eq(ticketLinks.fromId, change.id),
        eq(ticketLinks.kind, 'change_for'),
        eq(tickets.type, 'problem'),
        eq(tickets.status, 'closed'),
      ),
    )
    .orderBy(asc(tickets.id));
  for (const { id } of closed) {
    const problem = await lockTicket(tx, id);
    await applyTicketChange(
      tx,
      problem,
      {},
      authorOf(ctx),
      [{ event: { kind: 'change_rolled_back', data: { changeId: change.id, changeRef: change.ref, reason } } }],
      now,
      ctx.mail ?? false,
    );
  }
}
