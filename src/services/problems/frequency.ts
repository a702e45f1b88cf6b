import { and, count, eq } from 'drizzle-orm';
import { criticalityForFrequency } from '../../domain/processes.ts';
import type { Db } from '../../store/db.ts';
import { ticketLinks } from '../../store/schema/index.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import { matrixPriority } from '../tickets/create-ticket.ts';
import { withDetails } from '../write-path/details.ts';

/** Incidents linked to a problem (PRB-1 frequency). */
export async function incidentCount(db: Db, problemId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(ticketLinks)
    .where(and(eq(ticketLinks.fromId, problemId), eq(ticketLinks.kind, 'problem_of')));
  return row?.n ?? 0;
}

/**
 * PRB-1: criticality follows the number of linked incidents and the priority the party's
 * matrix; a priority set by hand (with its reason) stays.
 */
export async function reassessFrequency(db: Db, problem: TicketRow, frequency: number) {
  const criticality = criticalityForFrequency(frequency);
  const priority = problem.priorityReason
    ? problem.priority
    : await matrixPriority(db, problem.ownerParty, problem.impact, criticality);
  const event: PendingEvent = { event: { kind: 'frequency_changed', data: { frequency, criticality, priority } } };
  return { patch: { criticality, priority, ...withDetails(problem, 'problem', { frequency }) }, event };
}
