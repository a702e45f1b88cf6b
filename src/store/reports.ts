import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Actor } from '../domain/actor.ts';
import type { Db } from './db.ts';
import { outages, serviceTargets, tickets } from './schema/index.ts';
import type { TicketType } from '../domain/ticket-types.ts';

/** What the compliance report needs of each ticket opened in a period, visible to the actor. */
export async function ticketsOpenedIn(db: Db, actor: Actor, party: string, types: TicketType[], from: Date, to: Date) {
  return db
    .select({
      id: tickets.id,
      ref: tickets.ref,
      type: tickets.type,
      service: tickets.service,
      // As text, parsed by the caller: PGlite hands jsonb over far slower than text.
      facts: sql<string>`${tickets.slaFacts}::text`,
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.ownerParty, party),
        inArray(tickets.type, types),
        gte(tickets.createdAt, from),
        lt(tickets.createdAt, to),
        ticketVisibleTo(actor),
      ),
    )
    .orderBy(asc(tickets.createdAt), asc(tickets.ref));
}

export async function partyOutages(db: Db, party: string) {
  return db.select().from(outages).where(eq(outages.partyId, party));
}

export async function partyServiceTargets(db: Db, party: string) {
  return db.select().from(serviceTargets).where(eq(serviceTargets.partyId, party));
}
