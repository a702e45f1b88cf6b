import { lt } from 'drizzle-orm';
import { analyzeIfEmbedded, type Db, type Store } from '../store/db.ts';
import { deleteExpiredSessions } from '../store/auth.ts';
import { signInAttempts } from '../store/schema/index.ts';

const HOUR = 3_600_000;

/** Removes expired sessions and stale sign-in counters; idempotent, so every node may run it. */
export async function housekeep(db: Db, now = new Date()): Promise<void> {
  await deleteExpiredSessions(db, now);
  await db.delete(signInAttempts).where(lt(signInAttempts.windowStart, new Date(now.getTime() - 24 * HOUR)));
}

/** Runs housekeeping (and, on the embedded store, fresh planner statistics) every hour; returns a function that stops it. */
export function startHousekeeping(store: Store, log: (error: unknown) => void): () => void {
  void housekeep(store.db).catch(log);
  const timer = setInterval(
    () =>
      void housekeep(store.db)
        .then(() => analyzeIfEmbedded(store))
        .catch(log),
    HOUR,
  );
  timer.unref();
  return () => clearInterval(timer);
}
