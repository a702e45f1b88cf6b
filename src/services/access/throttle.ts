import { createHash } from 'node:crypto';
import { countHit, deleteThrottle, sweepThrottles } from '../../store/access.ts';
import type { Db } from '../../store/db.ts';

const SWEEP_EVERY_MS = 60_000;
const lastSweep = new WeakMap<Db, number>();

/**
 * ISM-8 API rate limit: one more request on this token in the current window. Returns the
 * seconds to wait when the limit is exceeded, else null. One statement.
 */
export async function rateLimitWait(db: Db, tokenId: string, limit: number, windowMs: number): Promise<number | null> {
  const { count, resetMs } = await countHit(db, `rate:${tokenId}`, windowMs);
  return count > limit ? Math.max(1, Math.ceil(resetMs / 1000)) : null;
}

/** The key of a write: who sent it, and a digest of its method, target and body. */
export function duplicateKey(principal: string, method: string, url: string, body: unknown): string {
  const digest = createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('base64url');
  return `dup:${principal}:${digest}`;
}

/** ISM-8: true when the same write was already seen within the window (on any node). One statement. */
export async function isDuplicate(db: Db, key: string, windowMs: number): Promise<boolean> {
  const { count } = await countHit(db, key, windowMs);
  return count > 1;
}

/** A claimed write failed: its identical retry is welcome at once. */
export async function releaseDuplicate(db: Db, key: string): Promise<void> {
  await deleteThrottle(db, key);
}

/** Drops old counters, at most once a minute per node. */
export async function sweepOldCounters(db: Db, keepMs: number): Promise<void> {
  const now = Date.now();
  if (now - (lastSweep.get(db) ?? 0) < SWEEP_EVERY_MS) return;
  lastSweep.set(db, now);
  await sweepThrottles(db, keepMs);
}
