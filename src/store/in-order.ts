import { entityKind } from 'drizzle-orm';
import type { Db } from './db.ts';

type Statements<T extends readonly unknown[]> = { [K in keyof T]: () => PromiseLike<T[K]> };

/** A transaction of the embedded store, known by drizzle's class name (importing the class would load PGlite). */
function onEmbeddedStore(tx: Db): boolean {
  return (tx.constructor as { [entityKind]?: string })[entityKind] === 'PgliteTransaction';
}

/**
 * Runs statements of transaction `tx` in the order given and returns their results; the first
 * failure is thrown (the transaction is then aborted and rolls back).
 *
 * On the embedded store they are all sent at once: its thread runs a transaction's statements in
 * the order they arrive (pglite-proxy.ts), so the store, held by the transaction, does not wait a
 * round trip to the request thread between them. node-postgres takes one query at a time per
 * connection: there each is sent once the one before has answered.
 *
 * The order sent is the order given only if each sends its first statement one microtask after it
 * is called, as a drizzle query object does when awaited, and an async function whose first
 * `await` is one. A prepared statement's `execute()` sends at once and would overtake the ones
 * before it; so would a function that awaits anything else first.
 */
export async function inOrder<T extends readonly unknown[]>(tx: Db, ...statements: Statements<T>): Promise<T> {
  if (onEmbeddedStore(tx)) {
    // async: a query object is awaited (sent a microtask later, in turn), and a throw becomes a rejection.
    return (await Promise.all(statements.map(async (start) => start()))) as unknown as T;
  }
  const results: unknown[] = [];
  for (const start of statements) results.push(await start());
  return results as unknown as T;
}
