import { and, arrayContains, eq, inArray, or, type SQL } from 'drizzle-orm';
import { levelsCoveredBy } from '../domain/sensitivity.ts';
import type { Actor } from '../services/context.ts';
import { knownErrors, ticketEvents, tickets } from '../store/schema.ts';

/**
 * ISM-4 in one place: a ticket is visible when the actor's party owns or participates in
 * it (the owner is always a participant) and the actor's clearance covers its sensitivity.
 * Every read of tickets — get, list, count, search, links, export — filters with this.
 */
export function ticketVisibleTo(actor: Actor): SQL {
  return and(
    arrayContains(tickets.participants, [actor.party]),
    inArray(tickets.sensitivity, levelsCoveredBy(actor.clearance)),
  ) as SQL;
}

/**
 * TKT-4: an internal comment or event stays inside the party that wrote it — the owning
 * desk's internal notes with the owner, another party's with that party; shared ones go to
 * every party on the ticket.
 */
export function eventVisibleTo(actor: Actor): SQL {
  return or(eq(ticketEvents.visibility, 'shared'), eq(ticketEvents.party, actor.party)) as SQL;
}

/** COL-3 known errors follow the same rule: published to the problem's parties, at its sensitivity. */
export function knownErrorVisibleTo(actor: Actor): SQL {
  return and(arrayContains(knownErrors.parties, [actor.party]), inArray(knownErrors.sensitivity, levelsCoveredBy(actor.clearance))) as SQL;
}
