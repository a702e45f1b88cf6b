import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Store } from '../../src/store/db.ts';
import { rowsOf } from '../../src/store/audit.ts';
import { inOrder } from '../../src/store/in-order.ts';
import { ticketCounters } from '../../src/store/schema/index.ts';
import { freshStore, STORE_KINDS } from '../helpers/store.ts';

describe.each(STORE_KINDS)('statements of a transaction sent in order (%s)', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
    await store.db.execute(sql`create table in_order_parent (id int primary key)`);
    await store.db.execute(
      sql`create table in_order_child (id int primary key, parent int not null references in_order_parent(id))`,
    );
  });
  afterAll(() => store?.close());

  it('runs them in the order given, each seeing the ones before, and returns their results in that order', async () => {
    const results = await store.db.transaction((tx) =>
      inOrder(
        tx,
        // A query object first, then async functions: each starts in turn.
        () => tx.execute(sql`insert into in_order_parent (id) values (1)`),
        async () => rowsOf(await tx.execute(sql`insert into in_order_child (id, parent) values (1, 1) returning id`)),
        () => tx.insert(ticketCounters).values({ partyId: 'EU', type: 'in-order', year: 2026, last: 7 }).returning(),
        async () => rowsOf(await tx.execute(sql`select count(*)::int as n from in_order_child where parent = 1`)),
      ),
    );
    expect(results[1]).toEqual([{ id: 1 }]);
    expect(results[2]).toMatchObject([{ type: 'in-order', last: 7 }]);
    expect(results[3]).toEqual([{ n: 1 }]);
  });

  it('sends them all before the first answers on the embedded store, one at a time on node-postgres', async () => {
    let inFlight = 0;
    let most = 0;
    await store.db.transaction(async (tx) => {
      // The driver's connection of this transaction (drizzle's session keeps it as `client`).
      const client = (tx._.session as unknown as { client: { query: (...args: unknown[]) => Promise<unknown> } })
        .client;
      const query = client.query.bind(client);
      client.query = async (...args: unknown[]) => {
        most = Math.max(most, ++inFlight);
        try {
          return await query(...args);
        } finally {
          inFlight--;
        }
      };
      await inOrder(
        tx,
        () => tx.execute(sql`select 1`),
        () => tx.execute(sql`select 2`),
        () => tx.execute(sql`select 3`),
      );
    });
    expect(most).toBe(kind === 'pglite' ? 3 : 1);
  });

  it('throws the first failure and rolls the whole transaction back', async () => {
    const failed = await store.db
      .transaction((tx) =>
        inOrder(
          tx,
          () => tx.execute(sql`insert into in_order_parent (id) values (2)`),
          () => tx.execute(sql`insert into in_order_child (id, parent) values (2, 99)`),
          () => tx.execute(sql`insert into in_order_parent (id) values (3)`),
        ),
      )
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ cause: { code: '23503' } });
    const parents = await store.db.execute(sql`select id from in_order_parent order by id`);
    expect(rowsOf(parents)).toEqual([{ id: 1 }]);
    expect(await store.db.select().from(ticketCounters).where(eq(ticketCounters.type, 'in-order'))).toHaveLength(1);
  });
});
