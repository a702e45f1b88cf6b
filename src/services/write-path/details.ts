import type { DetailsOf } from '../../domain/details.ts';
import type { TicketType } from '../../domain/ticket-types.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';

type Holder = Pick<TicketRow, 'type' | 'ref' | 'details'>;

/**
 * A ticket's per-type facts, for a use case that acts on tickets of the given type(s). The store
 * parsed them against the ticket's own type's schema when it read the row (domain/details.ts), so
 * checking the type here is all that is left: a ticket of another type is a bug, not a cast.
 */
export function detailsOf<T extends TicketType>(ticket: Holder, types: T | readonly T[]): DetailsOf<T> {
  const wanted: readonly TicketType[] = typeof types === 'string' ? [types] : types;
  if (!wanted.includes(ticket.type))
    throw new Error(`ticket ${ticket.ref} is a ${ticket.type}, not a ${wanted.join('/')}`);
  return ticket.details as DetailsOf<T>; // parsed with DETAILS_SCHEMAS[ticket.type] at read, and the type was just checked
}

/** The patch that merges some facts into a ticket's details. */
export function withDetails<T extends TicketType>(
  ticket: Holder,
  types: T | readonly T[],
  changes: Partial<DetailsOf<T>>,
): { details: DetailsOf<T> } {
  return { details: { ...detailsOf(ticket, types), ...changes } };
}

/** The participants of a ticket with some parties added. */
export function joined(ticket: Pick<TicketRow, 'participants'>, parties: readonly string[]): string[] {
  return [...new Set([...ticket.participants, ...parties])];
}
