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
 * The value of a ticket's `sla_due_at` column after a write at `now`, computed from the facts being
 * written and the calendars in force (the queue's "sort by SLA due time" reads it).
 */
export async function slaDueAtOf(db: Db, ticket: SlaTicket, now: Date): Promise<Date | null> {
  if (!SLA_TYPES.has(ticket.type) || !ticket.slaFacts) return null;
  const state = (await slaOfTickets(db, [ticket], now.getTime())).get(ticket.id) ?? null;
  const due = nextDueAt(state, ticket.slaFacts.openedAt);
  return due === null ? null : new Date(due);
}
