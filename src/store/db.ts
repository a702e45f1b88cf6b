import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema/index.ts';
import { projectPath } from '../paths.ts';
import { databaseBytes, embeddedBuffersMb } from './embedded-buffers.ts';

/** A drizzle handle or a transaction on either store; repositories take this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Runs `work` while no other node of the instance runs start-up work (migrations, first seed):
   * a PostgreSQL session advisory lock; the embedded store has one process, so it just runs.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
}

/** The advisory lock key of start-up work on PostgreSQL (any constant shared by every node). */
const STARTUP_LOCK = 7_202_611_601;

/**
 * The embedded store's autovacuum. PostgreSQL's autovacuum workers do this by themselves; PGlite has
 * none. VACUUM removes dead rows and marks pages all-visible, so that counts and lists read a narrow
 * index instead of the wide ticket rows (BENCHMARKS.md, *Lists*); it only reads the pages changed since
 * the last pass. ANALYZE refreshes the planner's statistics: without them it never picks the ordered
 * index scans the queues rely on.
 */
export async function vacuumIfEmbedded(store: Store, options: { analyze: boolean }): Promise<void> {
  if (store.kind === 'pglite') await store.db.execute(options.analyze ? sql`vacuum (analyze)` : sql`vacuum`);
}

const migrationsFolder = projectPath('src', 'store', 'migrations');

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, the embedded PGlite store is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Embedded store: called if its thread dies (the server exits rather than answer every request with an error). */
  onStoreLost?: (error: Error) => void;
}

/** Opens the store and applies pending migrations (the same SQL for both engines). */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data', options.onStoreLost);
}

async function openPostgres(url: string, max: number): Promise<Store> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection that the server drops (restart, failover, admin) must not crash the
  // process: the pool replaces it at the next query.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error(`PostgreSQL connection lost: ${error.message}`);
  });
  const db = drizzle(pool, { schema });
  // Nodes started together must not migrate at once: one migrates, the others then find nothing to do.
  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    const holder = await pool.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
      try {
        return await work();
      } finally {
        await holder.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
      }
    } finally {
      holder.release();
    }
  };
  await exclusively(() => migrate(db, { migrationsFolder }));
  // Both drivers' databases are PgDatabase over the same schema; Db names that common type.
  return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end(), exclusively };
}

/**
 * PostgreSQL settings of the embedded store. Its shared buffers live in the process's WebAssembly
 * heap, which never shrinks, and are all resident from the start: they follow the size of the store
 * at opening (store/embedded-buffers.ts), 32 MB for a demo, up to 128 MB; pages beyond them are
 * read from the operating system's file cache. A page read at random therefore costs about what a
 * page read in order does: with PostgreSQL's default `random_page_cost` (4, for spinning disks) the
 * planner counted a word search's matches by reading the whole table in order instead of from the
 * word's index, at three times the cost (BENCHMARKS.md, *A word search's count from its index*).
 */
function embeddedSettings(dataDir: string): string[] {
  const buffers = embeddedBuffersMb(databaseBytes(dataDir));
  return ['-c', `shared_buffers=${buffers}MB`, '-c', 'random_page_cost=1.1'];
}

/**
 * The embedded store runs in a worker thread of its own (src/store/pglite-proxy.ts): PGlite's
 * JavaScript and PostgreSQL's WebAssembly use the second core while this thread serves HTTP.
 */
async function openPglite(dataDir: string, onLost: StoreOptions['onStoreLost']): Promise<Store> {
  const { PgliteProxy } = await import('./pglite-proxy.ts');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PgliteProxy.open(dataDir, embeddedSettings(dataDir));
  client.onLost = onLost;
  // The proxy offers what drizzle's PGlite driver calls (query, transaction), not PGlite's whole interface.
  const db = drizzle(client as unknown as PGlite, { schema });
  try {
    await migrate(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  // As above, for PGlite.
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close(), exclusively: (work) => work() };
}

/**
 * The kind of store behind a handle: the embedded store's client is PGlite (its `listen` method,
 * kept by any wrapper of it), PostgreSQL's a pool. Unsure means PostgreSQL, whose treatment
 * (state shared through the database) is right for both.
 */
export function storeKindOf(db: Db): Store['kind'] {
  const client = (db as unknown as { $client?: { listen?: unknown } }).$client;
  return typeof client?.listen === 'function' ? 'pglite' : 'postgres';
}
