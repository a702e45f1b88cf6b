import { PgliteTransaction } from 'drizzle-orm/pglite';
import type { Db } from './db.ts';

type Statements<T extends readonly unknown[]> = { [K in keyof T]: () => PromiseLike<T[K]> };

/**
 * Runs statements of transaction `tx` in the order given and returns their results; the first
 * failure is thrown (the transaction is then aborted and rolls back). Each must start its first
 * statement as it is called: an async function whose first `await` is a query, or a query itself.
 *
 * On the embedded store they are all sent at once: its thread runs a transaction's statements in
 * the order they arrive (pglite-proxy.ts), so the store, held by the transaction, does not wait a
 * round trip to the request thread between them. node-postgres takes one query at a time per
 * connection: there each is sent once the one before has answered.
 */
export async function inOrder<T extends readonly unknown[]>(tx: Db, ...statements: Statements<T>): Promise<T> {
  if (tx instanceof PgliteTransaction) {
    // Promise.resolve starts a query object at once, in turn with the async functions.
    return (await Promise.all(statements.map((start) => Promise.resolve(start())))) as unknown as T;
  }
  const results: unknown[] = [];
  for (const start of statements) results.push(await start());
  return results as unknown as T;
}
