import { afterAll, beforeAll } from 'vitest';
import { signIn, type Client } from './client.ts';
import { startTestServer, type TestServer } from './server.ts';
import type { StoreKind } from './store.ts';

/** A stand-in for what a `beforeAll` creates: reading it before the hook ran is a test bug, said plainly. */
function later<T extends object>(what: string, get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const value = get();
      if (!value) throw new Error(`${what} is used before the suite's beforeAll started it`);
      return Reflect.get(value, key, value);
    },
  });
}

/**
 * The shared set-up of an API test file: a fresh demo server on `kind` for the whole file (closed
 * after it), and `as(username)`, a client signed in as that demo user when the suite starts.
 * Call it at the top of a `describe`; the file's own `beforeAll` hooks run after it.
 */
export function useServer(kind: StoreKind, env: Record<string, string> = {}) {
  let started: TestServer | undefined;
  const clients = new Map<string, Client>();
  const wanted = new Set<string>();
  beforeAll(async () => {
    started = await startTestServer(kind, env);
    const names = [...wanted];
    const signed = await Promise.all(names.map((name) => signIn(started!.url, name)));
    names.forEach((name, i) => clients.set(name, signed[i]!));
  });
  afterAll(() => started?.close());
  return {
    server: later<TestServer>('the test server', () => started),
    /** A client signed in as `username` (a demo user) once the suite has started. */
    as(username: string): Client {
      wanted.add(username);
      return later<Client>(`the client of ${username}`, () => clients.get(username));
    },
  };
}
