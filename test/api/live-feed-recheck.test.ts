import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { actorOf } from '../../src/services/auth/actor.ts';
import { openSession } from '../../src/services/auth/open-session.ts';
import { digestOf } from '../../src/services/auth/secrets.ts';
import { startTicketFeed, type LiveReader, type TicketFeed } from '../../src/services/live/ticket-feed.ts';
import { deleteSession } from '../../src/store/auth.ts';
import type { Store } from '../../src/store/db.ts';
import { instanceId } from '../../src/store/instance.ts';
import { users } from '../../src/store/schema/index.ts';
import { freshStore } from '../helpers/store.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live feed: the periodic credential check', () => {
  let store: Store;
  let feed: TicketFeed;
  beforeAll(async () => {
    store = await freshStore('pglite');
    await seedDemo(store.db, await instanceId(store.db));
    feed = startTicketFeed(store.db, {
      streamsPerCredential: 5,
      streamsPerUser: 5,
      streamsPerNode: 10,
      recheckMs: 30,
      log: () => undefined,
    });
  }, 120_000);
  afterAll(async () => {
    feed.closeAll();
    await feed.stop();
    await store.close();
  });

  it('does not end a stream that opened while the credentials were being read, and ends it once signed out', async () => {
    const [user] = await store.db.select().from(users).where(eq(users.username, 'eu.agent'));
    const session = async () => {
      const how = { address: '127.0.0.1', method: 'password' as const };
      const opened = await openSession(store.db, user!, { sessionHours: 8, maxSessions: 10 }, how, new Date());
      return digestOf(opened.token);
    };
    const ended: Record<string, string[]> = { first: [], second: [] };
    const reader = (name: 'first' | 'second', id: string): LiveReader => ({
      credential: `session:${id}`,
      actor: actorOf(user!),
      address: '127.0.0.1',
      send: () => undefined,
      resync: () => undefined,
      end: (reason) => ended[name]!.push(reason),
    });
    const first = await session();
    const second = await session();
    await feed.open(reader('first', first));

    // The store is held by a transaction: the checks started now wait, asking about the first stream only.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = store.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await held;
    });
    await pause(150);
    await feed.open(reader('second', second));
    release();
    await holding;
    await pause(200);
    expect(ended).toEqual({ first: [], second: [] });

    await deleteSession(store.db, second);
    await pause(200);
    expect(ended).toEqual({ first: [], second: ['signed_out'] });
  });
});
