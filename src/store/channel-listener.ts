import type { Db } from './db.ts';

/** What a store's announcements on one channel are handed to. */
export interface ChannelListener {
  /** An announcement (its payload), once the transaction that made it committed. */
  message(payload: string): void;
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
 * Listens to a channel of a store: PGlite's own `listen` (one process), or a dedicated PostgreSQL
 * connection running `LISTEN`, so every node hears what any node committed. A lost PostgreSQL
 * connection is re-opened, and the listener is told, since announcements may have been missed
 * meanwhile. Returns the function that stops listening. `channel` is a plain lower-case name.
 */
export async function listenChannel(db: Db, channel: string, listener: ChannelListener): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const client = (db as unknown as { $client: PgliteLike | PgPoolLike }).$client;
  if ('listen' in client) return client.listen(channel, (payload) => listener.message(payload));
  const { default: pg } = await import('pg');
  let stopped = false;
  let connection: InstanceType<typeof pg.Client> | null = null;
  let retry: NodeJS.Timeout | undefined;
  const open = async (resumed: boolean) => {
    const next = new pg.Client(client.options);
    next.on('notification', (message) => {
      if (message.channel === channel) listener.message(message.payload ?? '');
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    connection = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
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
