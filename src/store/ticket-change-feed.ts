import { inArray } from 'drizzle-orm';
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

interface PgliteLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}
interface PgPoolLike {
  options: object;
}

const RECONNECT_MS = 1000;

/**
 * Listens to the ticket change announcements of a store: PGlite's own `listen` (one process), or a
 * dedicated PostgreSQL connection running `LISTEN`, so every node hears the changes committed by
 * any node. A lost PostgreSQL connection is re-opened; the listener is told, since changes may have
 * been missed meanwhile. Returns the function that stops listening.
 */
export async function listenTicketChanges(db: Db, listener: ChangeListener): Promise<() => Promise<void>> {
  const client = (db as unknown as { $client: PgliteLike | PgPoolLike }).$client;
  if ('listen' in client) return client.listen(TICKET_CHANGED, (id) => listener.changed(id));
  const { default: pg } = await import('pg');
  let stopped = false;
  let connection: InstanceType<typeof pg.Client> | null = null;
  let retry: NodeJS.Timeout | undefined;
  const open = async (resumed: boolean) => {
    const next = new pg.Client(client.options);
    next.on('notification', (message) => {
      if (message.channel === TICKET_CHANGED && message.payload) listener.changed(message.payload);
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    connection = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${TICKET_CHANGED}`);
      if (resumed) listener.resumed();
    } catch {
      lost(next);
    }
  };
  const lost = (which: InstanceType<typeof pg.Client>) => {
    if (stopped || connection !== which) return;
    connection = null;
    void which.end().catch(() => undefined);
    retry = setTimeout(() => void open(true), RECONNECT_MS);
  };
  await open(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await connection?.end().catch(() => undefined);
  };
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
