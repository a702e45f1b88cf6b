import type { SlaState } from '../../domain/sla.ts';
import type { Db } from '../../store/db.ts';
import { SLA_TYPES, slaOfTickets, type SlaTicket } from './ticket-sla.ts';

/**
 * The next SLA due instant of a state: the earlier of the running GTI and GTR deadlines. A running
 * clock already past its target has no future deadline; it is due since the ticket opened, so
 * overdue tickets sort before every ticket still on time. Null when no clock runs (paused, stopped).
 */
export function nextDueAt(state: SlaState | null, openedAt: number): number | null {
  if (!state) return null;
  const running = [state.gti, state.gtr].filter((c) => c.phase === 'running');
  if (running.some((c) => c.dueAt === null)) return openedAt;
  const dues = running.map((c) => c.dueAt!);
  return dues.length ? Math.min(...dues) : null;
}

/**
 * The value of tickets' `sla_due_at` column after a write at `now`, computed from the facts being
 * written and the calendars in force (the queue's "sort by SLA due time" reads it). The one
 * computation of the column: every write of a ticket's timeline or of its SLA settings calls it.
 */
export async function slaDueAtsOf(db: Db, tickets: SlaTicket[], now: Date): Promise<Map<string, Date | null>> {
  const counted = tickets.filter((t) => SLA_TYPES.has(t.type) && t.slaFacts);
  const states = await slaOfTickets(db, counted, now.getTime());
  return new Map(
    tickets.map((t) => {
      const due = t.slaFacts ? nextDueAt(states.get(t.id) ?? null, t.slaFacts.openedAt) : null;
      return [t.id, due === null ? null : new Date(due)];
    }),
  );
}

/** `slaDueAtsOf` for one ticket. */
export async function slaDueAtOf(db: Db, ticket: SlaTicket, now: Date): Promise<Date | null> {
  return (await slaDueAtsOf(db, [ticket], now)).get(ticket.id) ?? null;
}
