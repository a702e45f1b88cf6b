import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/db.ts';

export type StoreKind = 'pglite' | 'postgres';

/** The stores every storage test runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const STORE_KINDS: StoreKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated store of the given kind; PostgreSQL gets a throw-away database of its own. */
export async function freshStore(kind: StoreKind): Promise<Store> {
  if (kind === 'pglite') return openStore({ dataDir: 'memory://' });
  const base = new URL(process.env.DATABASE_URL!);
  const name = `passerelle_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    ...store,
    async close() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: base.toString() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
