import { computeSla, newAlerts, nextThresholdAt, type SlaInput, type SlaState } from '../../domain/sla.ts';
import type { Db } from '../../store/db.ts';
import type { SlaEnvironment } from './sla-environment.ts';
import { nextDueAt } from './sla-due.ts';
import { slaEnvironmentFor, slaInputOf, type SlaTicket } from './ticket-sla.ts';

/** A ticket as the SLA check sees it: its clocks' inputs and the thresholds already signalled. */
export interface SlaCheckTicket extends SlaTicket {
  slaAlerts: string[];
}

/**
 * The value of a ticket's `sla_next_check_at` column at `now`: when the SLA check must look at it
 * next. `now` when a crossed threshold is not signalled yet; otherwise the first instant a running
 * clock reaches its warning or its breach, with the owner's calendars and maintenance windows;
 * null for closed tickets and when no clock runs (nothing can be crossed until the next write).
 */
export function nextCheckAt(env: SlaEnvironment, ticket: SlaCheckTicket, now: number): number | null {
  const input = slaInputOf(env, ticket, now, true);
  return input && nextCheckOf(input, computeSla(input), ticket.slaAlerts);
}

function nextCheckOf(input: SlaInput, state: SlaState, alerts: string[]): number | null {
  if (input.facts.segments.at(-1)!.status === 'closed') return null;
  return newAlerts(state, alerts).length > 0 ? input.now : nextThresholdAt(input, state);
}

/**
 * The SLA columns of a ticket after a write at `now`, from the facts and alerts being written:
 * `sla_due_at` (the queue's sort) and `sla_next_check_at` (the SLA check's index), one
 * environment load for both.
 */
export async function slaColumnsOf(db: Db, ticket: SlaCheckTicket, now: Date) {
  if (!ticket.slaFacts) return { slaDueAt: null, slaNextCheckAt: null };
  return slaColumnsIn(await slaEnvironmentFor(db, [ticket], now.getTime()), ticket, now);
}

/** slaColumnsOf in an environment already loaded for the ticket at `now`. */
export function slaColumnsIn(env: SlaEnvironment, ticket: SlaCheckTicket, now: Date) {
  const at = now.getTime();
  const input = ticket.slaFacts && slaInputOf(env, ticket, at);
  if (!input) return { slaDueAt: null, slaNextCheckAt: null };
  const state = computeSla(input);
  const due = nextDueAt(state, input.facts.openedAt);
  const next = nextCheckOf(input, state, ticket.slaAlerts);
  return {
    slaDueAt: due === null ? null : new Date(due),
    slaNextCheckAt: next === null ? null : new Date(next),
  };
}
