import { lt } from 'drizzle-orm';
import type { Db } from '../store/db.ts';
import { deleteExpiredSessions } from '../store/auth.ts';
import { signInAttempts } from '../store/schema.ts';

const HOUR = 3_600_000;

/** Removes expired sessions and stale sign-in counters; idempotent, so every node may run it. */
export async function housekeep(db: Db, now = new Date()): Promise<void> {
  await deleteExpiredSessions(db, now);
  await db.delete(signInAttempts).where(lt(signInAttempts.windowStart, new Date(now.getTime() - 24 * HOUR)));
}

/** Runs housekeeping now and every hour; returns a function that stops it. */
export function startHousekeeping(db: Db, log: (error: unknown) => void): () => void {
  const run = () => housekeep(db).catch(log);
  void run();
  const timer = setInterval(() => void run(), HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
