import { describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { preparedRead } from './prepared.ts';

describe('issue 16: reads built once per handle and shape', () => {
  // A statement that answers with the shape it was built for and the values it is run with.
  const builds: string[] = [];
  const read = preparedRead(
    (shape: string) => shape,
    (_db, shape: string) => {
      builds.push(shape);
      return { prepare: () => ({ execute: async (values?: Record<string, unknown>) => `${shape}:${values?.v}` }) };
    },
  );
  // Handles are only keys here: any two distinct objects stand for the database and a transaction.
  const database = {} as Db;
  const transaction = {} as Db;

  it('1. builds a shape once per handle, runs it with each run values, and never shares it across handles', async () => {
    builds.length = 0;
    expect(await read(database, 'a', { v: 1 })).toBe('a:1');
    expect(await read(database, 'a', { v: 2 })).toBe('a:2');
    expect(await read(database, 'b', { v: 3 })).toBe('b:3');
    expect(await read(transaction, 'a', { v: 4 })).toBe('a:4');
    expect(builds).toEqual(['a', 'b', 'a']);
  });

  it('2. drops the least recently used shape beyond 1,000, not the others', async () => {
    const handle = {} as Db;
    builds.length = 0;
    for (let i = 0; i < 1000; i++) await read(handle, `s${i}`);
    await read(handle, 's0'); // used again: now the most recent
    await read(handle, 'new'); // the 1,001st shape: s1 goes
    builds.length = 0;
    await read(handle, 's0');
    await read(handle, 's2');
    expect(builds).toEqual([]);
    await read(handle, 's1');
    expect(builds).toEqual(['s1']);
  });
});
