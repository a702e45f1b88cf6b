import { and, arrayContains, inArray, type SQL } from 'drizzle-orm';
import { levelsCoveredBy } from '../domain/sensitivity.ts';
import type { Actor } from '../services/context.ts';
import { tickets } from '../store/schema.ts';

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

/** Internal comments and internal events are shown only to the owning party (TKT-4). */
export function seesInternalEvents(actor: Actor, ownerParty: string): boolean {
  return actor.party === ownerParty;
}
