import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PGlite, messages, types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { PgliteProxy } from '../../src/store/pglite-proxy.ts';

// The embedded store's thread (issue 16): what crosses it must come back as PGlite itself gives it.

const SETUP = `
  create table item (id int primary key, name text not null unique, data jsonb, tags text[], raw bytea, at timestamptz);
  create table child (id int primary key, item int not null references item(id));
`;

/** The identity parsers drizzle's driver passes (node_modules/drizzle-orm/pglite/session.js). */
const DRIZZLE_PARSERS = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [
    oid,
    (value: string) => value,
  ]),
);

let proxy: PgliteProxy;
let direct: PGlite;

beforeAll(async () => {
  [proxy, direct] = await Promise.all([PgliteProxy.open('memory://', []), PGlite.create('memory://')]);
  await proxy.exec(SETUP);
  await direct.exec(SETUP);
});

afterAll(async () => {
  await proxy.close();
  await direct.close();
});

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  return done;
};

describe('the embedded store through its thread', () => {
  it('returns the same values as PGlite in this thread: jsonb, arrays, bytea, bigint, numeric, timestamps', async () => {
    const insert = `insert into item (id, name, data, tags, raw, at) values ($1, $2, $3, $4, $5, $6) returning *`;
    const params = [
      1,
      'Ünïcode ☃',
      { nested: { list: [1, 'two', null, true] }, n: 1.5 },
      ['a', 'b,c', 'd"e', null],
      new Uint8Array([0, 1, 2, 254, 255]),
      new Date('2026-01-02T03:04:05.678Z'),
    ];
    const select = `select *, 12345678901234::bigint as big, 1.50::numeric as num, array[1.5, 2]::numeric[] as nums,
      '1 day'::interval as span, current_date - current_date as days, '{"a":[1,{"b":null}]}'::json as js from item`;
    for (const rowMode of ['object', 'array'] as const) {
      await proxy.exec('delete from item');
      await direct.exec('delete from item');
      const options = { rowMode, parsers: DRIZZLE_PARSERS };
      expect(await proxy.query(insert, params, options)).toEqual(await direct.query(insert, params, options));
      const [mine, theirs] = [await proxy.query(select, [], options), await direct.query(select, [], options)];
      expect(mine).toEqual(theirs);
      expect(mine.rows).toHaveLength(1);
    }
    const row = (await proxy.query<{ raw: unknown; data: unknown }>('select raw, data from item')).rows[0]!;
    expect(row.raw).toBeInstanceOf(Uint8Array);
    expect(row.data).toEqual(params[2]);
    expect(await proxy.exec('select 1 as a; select 2 as b')).toEqual(await direct.exec('select 1 as a; select 2 as b'));
  });

  it('rejects with PostgreSQL errors that keep their code, detail and constraint', async () => {
    await proxy.query(`insert into item (id, name) values (10, 'ten')`);
    const error = await proxy.query(`insert into item (id, name) values (11, 'ten')`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({
      code: '23505',
      constraint: 'item_name_key',
      detail: 'Key (name)=(ten) already exists.',
      severity: 'ERROR',
      table: 'item',
      query: `insert into item (id, name) values (11, 'ten')`,
    });
    expect((error as Error).message).toBe('duplicate key value violates unique constraint "item_name_key"');
    const foreign = await proxy.exec('insert into child values (1, 999)').catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: '23503', constraint: 'child_item_fkey' });
    // Through drizzle: its DrizzleQueryError carries the PostgreSQL error as its cause, as with PGlite in this thread.
    const db = drizzle(proxy as unknown as PGlite);
    const wrapped = await db.execute(sql`select 1/0`).catch((e: unknown) => e);
    expect((wrapped as Error).cause).toMatchObject({ code: '22012', message: 'division by zero' });
  });

  it('commits, and rolls back a transaction whose callback throws, rethrowing its error', async () => {
    await proxy.transaction(async (tx) => {
      await tx.query(`insert into item (id, name) values (20, 'kept')`);
    });
    const thrown = new Error('changed my mind');
    const caught = await proxy
      .transaction(async (tx) => {
        await tx.query(`insert into item (id, name) values (21, 'dropped')`);
        expect((await tx.query(`select count(*)::int as n from item where id = 21`)).rows).toEqual([{ n: 1 }]);
        throw thrown;
      })
      .catch((e: unknown) => e);
    expect(caught).toBe(thrown);
    const explicit = await proxy.transaction(async (tx) => {
      await tx.query(`insert into item (id, name) values (22, 'dropped too')`);
      await tx.rollback();
      await expect(tx.query('select 1')).rejects.toThrow('Transaction is closed');
      return 'returned';
    });
    expect(explicit).toBe('returned');
    const { rows } = await proxy.query<{ id: number }>('select id from item where id between 20 and 22 order by id');
    expect(rows).toEqual([{ id: 20 }]);
    // A failed statement aborts the transaction: the commit rolls back and says so, as PGlite does.
    const aborted = await proxy
      .transaction(async (tx) => {
        await tx.query(`insert into item (id, name) values (23, 'aborted')`);
        await tx.query('select 1/0').catch(() => undefined);
      })
      .catch((e: unknown) => e);
    expect(aborted).toMatchObject({ code: '25P02' });
    expect((await proxy.query('select 1 from item where id = 23')).rows).toEqual([]);
  });

  it('keeps other statements waiting while a transaction is open, then runs them after it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const transaction = proxy
      .transaction(async (tx) => {
        await tx.query(`insert into item (id, name) values (30, 'uncommitted')`);
        inside();
        await gate;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await opened;
    const outside = proxy.query<{ n: number }>('select count(*)::int as n from item where id = 30');
    const another = proxy.transaction((tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from item where id = 30'),
    );
    expect(await settled(outside)).toBe(false);
    expect(await settled(another)).toBe(false);
    release();
    expect(await transaction).toBe('rolled back');
    // Run inside the open transaction, they would have seen its row.
    expect((await outside).rows).toEqual([{ n: 0 }]);
    expect((await another).rows).toEqual([{ n: 0 }]);
  });

  it("runs statements sent right behind a transaction's begin inside it, once it opens, in the order sent", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    // The child's statement seen once before is prepared the next time, the item's is new: each
    // queues differently for PGlite, and they must still run in the order sent.
    await expect(proxy.query('insert into child (id, item) values ($1, $2)', [69, 999])).rejects.toMatchObject({
      code: '23503',
    });
    const holding = proxy.transaction(async (tx) => {
      await tx.query(`insert into item (id, name) values (60, 'held')`);
      inside();
      await gate;
    });
    await opened;
    // Sent at once, before the transaction is open: the child needs the item inserted just before it.
    const pipelined = proxy.transaction((tx) =>
      Promise.all([
        tx.query(`insert into item (id, name) values (61, 'sent with begin')`),
        tx.query('insert into child (id, item) values ($1, $2)', [61, 61]),
        tx.query<{ n: number; held: number }>(
          `select (select count(*)::int from child where item = 61) as n, (select count(*)::int from item where id = 60) as held`,
        ),
      ]),
    );
    expect(await settled(pipelined)).toBe(false);
    release();
    await holding;
    // Opened after the first committed: it sees that row, and its own in the order they were sent.
    expect((await pipelined)[2].rows).toEqual([{ n: 1, held: 1 }]);
    // The first of them failing rolls back the lot, with that statement's error.
    const failed = await proxy
      .transaction((tx) =>
        Promise.all([
          tx.query(`insert into item (id, name) values (62, 'sent with begin')`),
          tx.query(`insert into item (id, name) values (63, 'a second one')`),
        ]),
      )
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: '23505', constraint: 'item_name_key' });
    expect((await proxy.query('select id from item where id between 60 and 63 order by id')).rows).toEqual([
      { id: 60 },
      { id: 61 },
    ]);
  });

  it('applies drizzle transaction settings and savepoints inside the one transaction', async () => {
    const db = drizzle(proxy as unknown as PGlite);
    const level = await db.transaction(
      async (tx) => {
        await tx.execute(sql`insert into item (id, name) values (40, 'outer')`);
        await tx
          .transaction(async (inner) => {
            await inner.execute(sql`insert into item (id, name) values (41, 'inner')`);
            throw new Error('inner only');
          })
          .catch(() => undefined);
        return (await tx.execute(sql`show transaction_isolation`)).rows[0];
      },
      { isolationLevel: 'repeatable read' },
    );
    expect(level).toEqual({ transaction_isolation: 'repeatable read' });
    const { rows } = await proxy.query<{ id: number }>('select id from item where id in (40, 41) order by id');
    expect(rows).toEqual([{ id: 40 }]);
  });

  it('delivers notifications to listeners once committed, and stops when told', async () => {
    const heard: string[] = [];
    const stop = await proxy.listen('proxy_test', (payload) => heard.push(payload));
    await proxy.transaction(async (tx) => {
      await tx.query(`select pg_notify('proxy_test', 'first')`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(heard).toEqual([]);
    });
    await proxy.query(`select pg_notify('proxy_test', 'second')`);
    await vi.waitFor(() => expect(heard).toEqual(['first', 'second']));
    await stop();
    await proxy.query(`select pg_notify('proxy_test', 'third')`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual(['first', 'second']);
  });

  it('refuses what cannot cross the thread instead of waiting for ever', async () => {
    await expect(proxy.query('select $1::text', [() => 1])).rejects.toThrow(/could not be cloned/);
    await expect(proxy.query('select now()::text', [], { parsers: { [types.TEXT]: (v) => v.length } })).rejects.toThrow(
      /Only identity parsers/,
    );
    expect((await proxy.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});

describe('prepared statements in the thread', () => {
  const preparedTexts = async () =>
    (await proxy.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map(
      (r) => r.statement,
    );

  it('decodes result texts in place (src/store/pglite-strings.js) to exactly what PGlite decodes', async () => {
    // On this PGlite version the thread's reader is replaced: a version that changes it fails here, not silently.
    expect(proxy.decodesInPlace).toBe(true);
    const texts = ['', 'a', 'réseau coupé', '☃ 🚀 日本語', 'x'.repeat(70_000) + 'é', 'tab\tand\nnewline', null];
    // Many rows and a long value: results span several of PGlite's buffers; run thrice to take the prepared path too.
    const select = `select i, t, array[t, 'é,"q"', null] as arr, jsonb_build_object('t', t, 'ü', i) as doc, t || i::text as joined
      from unnest($1::text[]) with ordinality as u(t, i), generate_series(1, 40) g order by i, g`;
    for (let run = 0; run < 3; run++)
      for (const rowMode of ['object', 'array'] as const) {
        const options = { rowMode, parsers: DRIZZLE_PARSERS };
        const [mine, theirs] = [
          await proxy.query(select, [texts], options),
          await direct.query(select, [texts], options),
        ];
        expect(mine.rows).toHaveLength(texts.length * 40);
        expect(mine).toEqual(theirs);
      }
    expect(await preparedTexts()).toContain(select);
  });

  it('prepares a statement seen again and gives the same answers as PGlite, parameters and nulls included', async () => {
    await proxy.exec('delete from child; delete from item');
    await direct.exec('delete from child; delete from item');
    const insert = `insert into item (id, name, data, tags, at) values ($1, $2, $3, $4, $5) returning *`;
    const select = `select id, name, data, tags, at from item where id = any($1::int[]) and ($2::text is null or name <> $2) order by id`;
    for (let i = 1; i <= 12; i++) {
      const params = [
        100 + i,
        `n${i}`,
        i % 3 === 0 ? null : { i, list: [i, 'x'] },
        i % 4 === 0 ? null : [`t${i}`, null],
        new Date(Date.UTC(2026, 0, i)),
      ];
      const options = { rowMode: i % 2 ? ('array' as const) : ('object' as const), parsers: DRIZZLE_PARSERS };
      expect(await proxy.query(insert, params, options)).toEqual(await direct.query(insert, params, options));
      const ids = [101, 100 + i, 999];
      const filter = i % 2 ? null : 'n1';
      expect(await proxy.query(select, [ids, filter], options)).toEqual(
        await direct.query(select, [ids, filter], options),
      );
    }
    expect(await preparedTexts()).toEqual(expect.arrayContaining([insert, select]));
  });

  it('keeps the error of a prepared statement, inside and outside a transaction, and rolls back', async () => {
    const insert = `insert into item (id, name) values ($1, $2)`;
    await proxy.query(insert, [200, 'two hundred']);
    await proxy.query(insert, [201, 'two hundred one']);
    const error = await proxy.query(insert, [202, 'two hundred']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', constraint: 'item_name_key', query: insert });
    const inside = await proxy
      .transaction(async (tx) => {
        await tx.query(insert, [203, 'two hundred three']);
        await tx.query(insert, [204, 'two hundred one']);
      })
      .catch((e: unknown) => e);
    expect(inside).toMatchObject({ code: '23505' });
    expect((await proxy.query('select id from item where id >= 200 order by id')).rows).toEqual([
      { id: 200 },
      { id: 201 },
    ]);
    // The connection is usable afterwards, prepared statement included.
    await proxy.query(insert, [205, 'two hundred five']);
    expect((await proxy.query('select count(*)::int as n from item where id >= 200')).rows).toEqual([{ n: 3 }]);
  });

  it('answers with the new shape after a schema change, and closes the least recently used beyond its bound', async () => {
    await proxy.exec('create table shape (id int primary key); insert into shape values (1)');
    const all = 'select * from shape';
    await proxy.query(all);
    expect((await proxy.query(all)).rows).toEqual([{ id: 1 }]);
    await proxy.exec(`alter table shape add column label text default 'one'`);
    expect((await proxy.query(all)).rows).toEqual([{ id: 1, label: 'one' }]);
    expect((await proxy.query(all)).rows).toEqual([{ id: 1, label: 'one' }]);
    for (let i = 0; i < 300; i++) {
      for (let run = 0; run < 2; run++)
        expect((await proxy.query(`select ${i} + $1::int as n`, [run])).rows).toEqual([{ n: i + run }]);
    }
    const texts = await preparedTexts();
    expect(texts.length).toBeLessThanOrEqual(256);
    expect(texts).toContain('select 299 + $1::int as n');
    expect(texts).not.toContain('select 0 + $1::int as n');
  });

  it('plans a text search with its values every time, and drops a kept plan that runs far slower', async () => {
    const search = `select to_tsvector('simple', $1) @@ to_tsquery('simple', $2) as found`;
    for (let i = 0; i < 4; i++)
      expect((await proxy.query(search, ['registry link down', i % 2 ? 'link' : 'auction'])).rows).toEqual([
        { found: i % 2 === 1 },
      ]);
    expect(await preparedTexts()).not.toContain(search);

    // Quick for its first runs, then a run tens of milliseconds long: the statement is planned afresh from then on.
    const count = 'select count(*)::int as n from generate_series(1, $1::int)';
    for (let i = 0; i < 8; i++) await proxy.query(count, [10]);
    expect(await preparedTexts()).toContain(count);
    expect((await proxy.query(count, [3_000_000])).rows).toEqual([{ n: 3_000_000 }]);
    expect(await preparedTexts()).not.toContain(count);
    for (let i = 0; i < 3; i++) expect((await proxy.query(count, [10])).rows).toEqual([{ n: 10 }]);
    expect(await preparedTexts()).not.toContain(count);
  });
});

describe('the thread itself', () => {
  it('rejects the calls in flight and every later one when it dies, logs it and tells its owner once', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const small = await PgliteProxy.open('memory://', [], { maxOldGenerationSizeMb: 48 });
      const lost: Error[] = [];
      small.onLost = (error) => lost.push(error);
      const huge = small.query('select g, md5(g::text) as h from generate_series(1, 3000000) g');
      const queued = small.query('select 1');
      await expect(huge).rejects.toThrow(/embedded store's thread failed/);
      await expect(queued).rejects.toThrow(/embedded store's thread failed/);
      await expect(small.query('select 1')).rejects.toThrow(/embedded store's thread failed/);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/embedded store's thread failed/));
      expect(small.closed).toBe(true);
      expect(lost.map((error) => error.message)).toEqual([expect.stringMatching(/embedded store's thread failed/)]);
      await small.close();
      expect(lost).toHaveLength(1);
    } finally {
      logged.mockRestore();
    }
  });

  it('closes PGlite and ends the thread', async () => {
    const store = await PgliteProxy.open('memory://', []);
    await store.query('select 1');
    let lost = 0;
    store.onLost = () => (lost += 1);
    await store.close();
    expect(store.closed).toBe(true);
    expect(lost).toBe(0);
    await expect(store.query('select 1')).rejects.toThrow(/is closed/);
    // A transaction cannot begin: its statements and its end say so, nothing waits.
    await expect(store.transaction((tx) => tx.query('select 1'))).rejects.toThrow(/is closed/);
    await expect(store.transaction(async () => 'no statement')).rejects.toThrow(/is closed/);
    await store.close();
  });
});
