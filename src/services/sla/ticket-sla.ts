import { computeSla, type SlaInput, type SlaState } from '../../domain/sla.ts';
import type { SlaFacts } from '../../domain/sla-facts.ts';
import type { Db } from '../../store/db.ts';
import type { SlaVersion } from '../../store/sla.ts';
import { loadSlaEnvironment, type SlaEnvironment } from './sla-environment.ts';
import type { TicketType } from '../../domain/ticket-types.ts';
import type { Priority } from '../../domain/priority.ts';

/** Ticket types under service levels (SLA-2). */
export const SLA_TYPES: ReadonlySet<TicketType> = new Set(['incident', 'request']);

export interface SlaTicket {
  id: string;
  type: TicketType;
  ownerParty: string;
  priority: Priority;
  service: string;
  slaFacts: SlaFacts | null;
}

/** What the SLA clocks of one ticket are computed from, or null for types without service levels. */
export function slaInputOf(env: SlaEnvironment, ticket: SlaTicket, now: number, levelsOnly = false): SlaInput | null {
  if (!SLA_TYPES.has(ticket.type) || !ticket.slaFacts) return null;
  return {
    facts: ticket.slaFacts,
    target: env.target(ticket.ownerParty, ticket.type, ticket.priority, ticket.slaFacts.openedAt),
    ownerClock: (priority) => env.ticketClock(ticket.ownerParty, priority, ticket.service),
    partyClock: (party) => env.partyClock(party),
    warnAt: env.warnAt(ticket.ownerParty),
    now,
    levelsOnly,
  };
}

/** The SLA state of one ticket in an environment, or null for types without service levels. */
export function slaOf(env: SlaEnvironment, ticket: SlaTicket, now: number, levelsOnly = false): SlaState | null {
  const input = slaInputOf(env, ticket, now, levelsOnly);
  return input && computeSla(input);
}

/** SLA states of a batch of tickets at `now`, loading the environment once. */
export async function slaOfTickets(
  db: Db,
  tickets: SlaTicket[],
  now = Date.now(),
  levelsOnly = false,
  known?: ReadonlyMap<string, SlaVersion>,
): Promise<Map<string, SlaState | null>> {
  const result = new Map<string, SlaState | null>();
  if (tickets.length === 0) return result;
  const env = await slaEnvironmentFor(db, tickets, now, known);
  for (const ticket of tickets) result.set(ticket.id, slaOf(env, ticket, now, levelsOnly));
  return result;
}

/**
 * The SLA environment the clocks of some tickets need at `now` (their parties, windows from the
 * oldest opening); `known`: SLA versions of some parties read in the same transaction.
 */
export function slaEnvironmentFor(
  db: Db,
  tickets: SlaTicket[],
  now: number,
  known?: ReadonlyMap<string, SlaVersion>,
): Promise<SlaEnvironment> {
  const parties = tickets.flatMap((t) => [t.ownerParty, ...(t.slaFacts?.segments.map((s) => s.holder) ?? [])]);
  const from = new Date(tickets.reduce((min, t) => Math.min(min, t.slaFacts?.openedAt ?? now), now));
  return loadSlaEnvironment(db, parties, from, new Date(now + 366 * 86_400_000), known);
}
