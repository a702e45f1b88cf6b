import type { TicketRow } from '../../store/ticket-reads.ts';

/** A ticket's per-type facts (domain/processes.ts), typed by the caller. */
export function detailsOf<T>(ticket: Pick<TicketRow, 'details'>): T {
  return (ticket.details ?? {}) as T;
}

/** The patch that merges some facts into a ticket's details. */
export function withDetails<T>(ticket: Pick<TicketRow, 'details'>, changes: Partial<T>): { details: T } {
  return { details: { ...detailsOf<T>(ticket), ...changes } };
}

/** The participants of a ticket with some parties added. */
export function joined(ticket: Pick<TicketRow, 'participants'>, parties: readonly string[]): string[] {
  return [...new Set([...ticket.participants, ...parties])];
}
