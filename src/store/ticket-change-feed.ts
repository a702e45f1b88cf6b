import { inArray } from 'drizzle-orm';
import { listenChannel } from './channel-listener.ts';
import type { Db } from './db.ts';
import { tickets } from './schema/index.ts';

/** The channel on which the database announces changed tickets (migration 0015: a trigger on `ticket_events`). */
export const TICKET_CHANGED = 'ticket_changed';

export interface ChangeListener {
  /** A ticket changed (its id), once its transaction committed. */
  changed(ticketId: string): void;
  /** The connection was lost and is back: announcements in between may be missed. */
  resumed(): void;
}

/**
 * Listens to the ticket change announcements of a store, on every node (see `listenChannel`).
 * Returns the function that stops listening.
 */
export async function listenTicketChanges(db: Db, listener: ChangeListener): Promise<() => Promise<void>> {
  return listenChannel(db, TICKET_CHANGED, {
    message: (id) => {
      if (id) listener.changed(id);
    },
    resumed: () => listener.resumed(),
  });
}

/** What the live feed needs of changed tickets: who may read each (the visibility rule's columns), its ref and version. */
export async function changedTicketAudiences(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: tickets.id,
      ref: tickets.ref,
      version: tickets.version,
      participants: tickets.participants,
      sensitivity: tickets.sensitivity,
      team: tickets.team,
    })
    .from(tickets)
    .where(inArray(tickets.id, ids));
}
