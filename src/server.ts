import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { Config } from './config.ts';
import { DEMO_PASSWORD } from './demo/seed-demo.ts';
import { seedFirstDemo } from './demo/seed-first-demo.ts';
import { buildApp } from './http/app.ts';
import { startBackground } from './jobs/background.ts';
import { projectPath } from './paths.ts';
import { openStore, vacuumIfEmbedded } from './store/db.ts';
import { instanceId } from './store/instance.ts';

const announceDemo = (usernames: string[]) =>
  console.log(`Demo data created. Accounts (password "${DEMO_PASSWORD}"): ${usernames.join(', ')}`);

/**
 * A new embedded store is created — and its demo seeded — by `passerelle init` in a process of its
 * own: creating a PostgreSQL cluster and seeding take a peak of memory (the store thread's
 * WebAssembly heap and allocator arena, the request thread's heap) that a process never gives
 * back, and that peak goes with that process; the server then opens the store as on any later
 * start (BENCHMARKS.md, *a first start's memory*). Returns the demo accounts created.
 */
async function createEmbeddedStoreApart(config: Config): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [projectPath('bin', 'passerelle.js'), 'init', ...(config.DEMO ? ['--demo'] : [])],
    { env: { ...process.env, DATA_DIR: config.DATA_DIR, DATABASE_URL: '' }, maxBuffer: 1 << 20 },
  );
  return (JSON.parse(stdout) as { demoAccounts: string[] }).demoAccounts;
}

/** Whether `dataDir` holds no embedded store yet (PostgreSQL writes `PG_VERSION` when it creates one). */
function isNewDataDir(dataDir: string): boolean {
  return !dataDir.startsWith('memory://') && !existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * A serving process compiles the embedded store's WebAssembly (PostgreSQL) with V8's optimising
 * compiler only. By default every function is first compiled by the Liftoff baseline compiler, and
 * that code and its compilation's memory stay for the life of the process: without it an idle server
 * holds about 60 MB less, and serves as fast (BENCHMARKS.md, *idle memory*). Start-up takes a few
 * seconds more, so short-lived commands keep the default. Set before the store's thread compiles it.
 */
function compileStoreOptimisedOnly() {
  setFlagsFromString('--no-liftoff');
}

/** `passerelle serve`: opens the store (migrating it), seeds the demo on a first start, listens. */
export async function serve(config: Config) {
  if (!config.DATABASE_URL) compileStoreOptimisedOnly();
  const options = {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    // Committed writes are on disk; a supervisor restarts the process on the same data directory.
    onStoreLost: () => process.exit(70),
  };
  if (!config.DATABASE_URL && isNewDataDir(config.DATA_DIR)) {
    const accounts = await createEmbeddedStoreApart(config);
    if (accounts.length > 0) announceDemo(accounts);
  }
  let store = await openStore(options);
  // Several nodes may start at once on one PostgreSQL: one of them seeds, the others wait and find it done.
  const id = await store.exclusively(async () => {
    const id = await instanceId(store.db);
    const usernames = config.DEMO ? await seedFirstDemo(store.db, id) : [];
    if (usernames.length > 0) announceDemo(usernames);
    return id;
  });
  await vacuumIfEmbedded(store, { analyze: true });
  if (store.kind === 'pglite') {
    // Start-up work (creating or migrating the store, VACUUM) leaves the store thread's WebAssembly
    // heap and allocator at their peak, which they never give back: a fresh thread starts from the
    // steady state.
    await store.close();
    store = await openStore(options);
  }
  const app = await buildApp({ db: store.db, config, instanceId: id });
  const stopBackground = startBackground(store, config, id, (error) =>
    app.log.error({ err: error }, 'background task failed'),
  );
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  console.log(
    `Passerelle listening on ${address} (store: ${store.kind}${store.kind === 'pglite' ? ` in ${config.DATA_DIR}` : ''})`,
  );
  const stop = async () => {
    stopBackground();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { app, store };
}
