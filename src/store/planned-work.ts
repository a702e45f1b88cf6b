import { and, arrayContains, inArray, notInArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Db } from './db.ts';
import { tickets } from './schema/index.ts';
import { parsedTicket } from './ticket-reads.ts';

/**
 * COL-5: the changes and releases the actor may see (the one visibility rule), optionally only
 * those a party takes part in; rejected ones left out. Their dates are read from their details
 * by the caller.
 */
export async function visiblePlannedWork(db: Db, actor: Actor, party?: string) {
  const where: SQL[] = [
    ticketVisibleTo(actor),
    inArray(tickets.type, ['change', 'release']),
    notInArray(tickets.status, ['rejected']),
  ];
  if (party) where.push(arrayContains(tickets.participants, [party]));
  const rows = await db
    .select({
      id: tickets.id,
      ref: tickets.ref,
      type: tickets.type,
      title: tickets.title,
      status: tickets.status,
      ownerParty: tickets.ownerParty,
      participants: tickets.participants,
      details: tickets.details,
    })
    .from(tickets)
    .where(and(...where));
  return rows.map(parsedTicket);
}
