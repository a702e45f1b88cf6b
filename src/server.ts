import type { Config } from './config.ts';
import { DEMO_PASSWORD, isEmptyStore, seedDemo } from './demo/seed-demo.ts';
import { seedShowcase } from './demo/seed-showcase.ts';
import { buildApp } from './http/app.ts';
import { startBackground } from './jobs/background.ts';
import { openStore, vacuumIfEmbedded } from './store/db.ts';
import { instanceId } from './store/instance.ts';

/** `passerelle serve`: opens the store (migrating it), seeds the demo on a first start, listens. */
export async function serve(config: Config) {
  const options = {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    // Committed writes are on disk; a supervisor restarts the process on the same data directory.
    onStoreLost: () => process.exit(70),
  };
  let store = await openStore(options);
  // Several nodes may start at once on one PostgreSQL: one of them seeds, the others wait and find it done.
  const id = await store.exclusively(async () => {
    const id = await instanceId(store.db);
    if (config.DEMO && (await isEmptyStore(store.db))) {
      const usernames = await seedDemo(store.db, id);
      // Assets, a CA both parties trust and tickets in every state (not in the test stores, which seed only seedDemo).
      await seedShowcase(store.db, id);
      console.log(`Demo data created. Accounts (password "${DEMO_PASSWORD}"): ${usernames.join(', ')}`);
    }
    return id;
  });
  await vacuumIfEmbedded(store, { analyze: true });
  if (store.kind === 'pglite') {
    // Start-up work (creating the store, the demo, VACUUM) leaves the store thread's WebAssembly heap
    // and allocator at their peak, which they never give back: a fresh thread starts from the steady
    // state (a first start idles at about 400 MB instead of 850; BENCHMARKS.md, *Memory*).
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
