import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { ticketLinks, tickets } from '../../store/schema/index.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ActionOutcome } from '../write-path/ticket-action.ts';

/** Whether a change raised for this ticket has been applied (deployed by a release). */
async function hasAppliedChange(db: Db, problemId: string): Promise<boolean> {
  const rows = await db
    .select({ id: tickets.id })
    .from(ticketLinks)
    .innerJoin(tickets, eq(tickets.id, ticketLinks.fromId))
    .where(
      and(
        eq(ticketLinks.toId, problemId),
        eq(ticketLinks.kind, 'change_for'),
        isNotNull(sql`${tickets.details}->>'appliedAt'`),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** PRB-3: closed by the registering desk only once the resolving change is applied; the other desks are told. */
export async function closeProblem(problem: TicketRow, tx: Db, note: string | undefined): Promise<ActionOutcome> {
  if (!(await hasAppliedChange(tx, problem.id))) throw new AppError('problem.change_not_applied');
  return { events: [{ event: { kind: 'closed', data: { checklist: {}, ...(note ? { note } : {}) } } }] };
}
