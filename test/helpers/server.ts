import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { buildApp } from '../../src/http/app.ts';
import type { Db } from '../../src/store/db.ts';
import { instanceId } from '../../src/store/instance.ts';
import { freshStore, type StoreKind } from './store.ts';

export interface TestServer {
  url: string;
  db: Db;
  instanceId: string;
  close(): Promise<void>;
}

/** A real HTTP server on a random loopback port over a fresh store with the EU/CH demo seeded. */
export async function startTestServer(
  kind: StoreKind = 'pglite',
  env: Record<string, string> = {},
  options: { webRoot?: string } = {},
): Promise<TestServer> {
  const store = await freshStore(kind);
  const id = await instanceId(store.db);
  await seedDemo(store.db, id);
  // ISM-8 duplicate refusal is off unless a test asks for it: many tests repeat identical writes on purpose.
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', DUPLICATE_WINDOW_MS: '0', ...env });
  const app = await buildApp({ db: store.db, config, instanceId: id, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: store.db,
    instanceId: id,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
