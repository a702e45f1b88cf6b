import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/db.ts';

export type StoreKind = 'pglite' | 'postgres';

/** The stores every storage test runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const STORE_KINDS: StoreKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

async function onServer(sql: string) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(sql);
  await admin.end();
}

/** An empty throw-away PostgreSQL database on the DATABASE_URL server, and how to drop it. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `passerelle_t_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A fresh, migrated store of the given kind; PostgreSQL gets a throw-away database of its own. */
export async function freshStore(kind: StoreKind): Promise<Store> {
  if (kind === 'pglite') return openStore({ dataDir: 'memory://' });
  const database = await freshDatabase();
  const store = await openStore({ databaseUrl: database.url, poolSize: 5 });
  return {
    ...store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}
