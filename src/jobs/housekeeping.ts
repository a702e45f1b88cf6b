import { lt } from 'drizzle-orm';
import { vacuumIfEmbedded, type Db, type Store } from '../store/db.ts';
import { deleteExpiredSessions } from '../store/auth.ts';
import { signInAttempts } from '../store/schema/index.ts';

const HOUR = 3_600_000;
/** The embedded store's vacuum between hourly passes: it reads only the pages changed since the last one. */
const VACUUM_EVERY = 5 * 60_000;

/** Removes expired sessions and stale sign-in counters; idempotent, so every node may run it. */
export async function housekeep(db: Db, now = new Date()): Promise<void> {
  await deleteExpiredSessions(db, now);
  await db.delete(signInAttempts).where(lt(signInAttempts.windowStart, new Date(now.getTime() - 24 * HOUR)));
}

/**
 * Runs housekeeping every hour and, on the embedded store, a vacuum every five minutes (with fresh
 * planner statistics on the hour); returns a function that stops it.
 */
export function startHousekeeping(store: Store, log: (error: unknown) => void): () => void {
  void housekeep(store.db).catch(log);
  const hourly = setInterval(
    () =>
      void housekeep(store.db)
        .then(() => vacuumIfEmbedded(store, { analyze: true }))
        .catch(log),
    HOUR,
  );
  const vacuum = setInterval(() => void vacuumIfEmbedded(store, { analyze: false }).catch(log), VACUUM_EVERY);
  hourly.unref();
  vacuum.unref();
  return () => {
    clearInterval(hourly);
    clearInterval(vacuum);
  };
}
