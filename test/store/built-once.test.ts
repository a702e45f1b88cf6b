import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Store } from '../../src/store/db.ts';
import { rowsOf } from '../../src/store/audit.ts';
import { inOrder } from '../../src/store/in-order.ts';
import { builtInsert } from '../../src/store/prepared.ts';
import { freshStore, STORE_KINDS } from '../helpers/store.ts';

const notes = pgTable('built_once_notes', {
  id: text('id').primaryKey(),
  body: text('body').notNull().default('(none)'),
  data: jsonb('data'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }),
});

let built = 0;
const put = builtInsert((db, rows) => {
  built++;
  return db
    .insert(notes)
    .values(rows as (typeof notes.$inferInsert)[])
    .returning({ id: notes.id });
});

describe.each(STORE_KINDS)('statements built once, run in the handle given (%s)', (kind) => {
  let store: Store;
  const ids = async () =>
    rowsOf<{ id: string }>(await store.db.execute(sql`select id from built_once_notes order by id`)).map((r) => r.id);

  beforeAll(async () => {
    store = await freshStore(kind);
    await store.db.execute(
      sql`create table built_once_notes (id text primary key, body text not null default '(none)', data jsonb, at timestamptz)`,
    );
  });
  afterAll(() => store?.close());

  it('runs a statement built in one transaction inside the next one, and outside any', async () => {
    built = 0;
    // Built in a transaction that rolls back: the row goes with it.
    await expect(
      store.db.transaction(async (tx) => {
        await put(tx, [{ id: 'a1', body: 'first' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // The same statement in a second transaction: rolled back too, so it ran in that one.
    await expect(
      store.db.transaction(async (tx) => {
        await put(tx, [{ id: 'a2', body: 'second' }]);
        expect(rowsOf(await tx.execute(sql`select id from built_once_notes where id = 'a2'`))).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await store.db.transaction(async (tx) => put(tx, [{ id: 'a3', body: 'third' }]));
    await put(store.db, [{ id: 'a4', body: 'fourth' }]);
    expect(await ids()).toEqual(['a3', 'a4']);
    expect(built).toBe(1);
  });

  it('fills each run with its own values; a key left out takes the default, a null is NULL', async () => {
    built = 0;
    const at = new Date('2026-12-05T10:00:00.000Z');
    await put(store.db, [{ id: 'b1', body: 'x', data: { n: 1 }, at }]);
    await put(store.db, [{ id: 'b2', body: 'y', data: { n: 2 }, at }]);
    await put(store.db, [{ id: 'b3', data: null, at: undefined }]);
    await put(store.db, [{ id: 'b4', data: { n: 4 } }]);
    const rows = rowsOf<{ id: string; body: string; data: unknown; at: unknown; kind: string | null }>(
      await store.db.execute(
        sql`select id, body, data, at, jsonb_typeof(data) as kind from built_once_notes where id like 'b%' order by id`,
      ),
    );
    expect(rows.map((r) => [r.id, r.body, r.data, r.kind])).toEqual([
      ['b1', 'x', { n: 1 }, 'object'],
      ['b2', 'y', { n: 2 }, 'object'],
      // NULL, not the JSON value null
      ['b3', '(none)', null, null],
      ['b4', '(none)', { n: 4 }, 'object'],
    ]);
    expect(new Date(String(rows[0]!.at)).toISOString()).toBe(at.toISOString());
    expect(rows[2]!.at).toBeNull();
    // b1 and b2 share a shape; b3 (data null, no body) and b4 (no body, data given) are two more.
    expect(built).toBe(3);
  });

  it('inserts several rows per shape, and refuses an SQL expression as a value', async () => {
    await put(store.db, [
      { id: 'c1', body: 'one' },
      { id: 'c2', data: { two: true } },
    ]);
    expect((await ids()).filter((id) => id.startsWith('c'))).toEqual(['c1', 'c2']);
    expect(() => put(store.db, [{ id: 'c3', body: sql`'x'` }])).toThrow(/SQL expression/);
  });

  it('keeps the order of a batch that mixes it with drizzle query objects (inOrder)', async () => {
    await put(store.db, [{ id: 'd1', body: 'before' }]);
    // Sent out of order, the insert would meet the row not yet deleted, or the update run before it.
    await store.db.transaction((tx) =>
      inOrder(
        tx,
        () => tx.execute(sql`delete from built_once_notes where id = 'd1'`),
        () => put(tx, [{ id: 'd1', body: 'built once' }]),
        () => tx.execute(sql`update built_once_notes set body = body || ', then updated' where id = 'd1'`),
      ),
    );
    const rows = rowsOf<{ body: string }>(
      await store.db.execute(sql`select body from built_once_notes where id = 'd1'`),
    );
    expect(rows).toEqual([{ body: 'built once, then updated' }]);
  });
});
