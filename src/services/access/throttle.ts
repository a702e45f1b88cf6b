import { createHash } from 'node:crypto';
import { countHit, deleteThrottle, sweepThrottles } from '../../store/access.ts';
import type { Db } from '../../store/db.ts';

const SWEEP_EVERY_MS = 60_000;

/** A count in a fixed window: how many hits so far, and the milliseconds until the window ends. */
export interface Hit {
  count: number;
  resetMs: number;
}

/**
 * Where the ISM-8 counters live: in the database when several nodes share it (PostgreSQL), so
 * every node counts the same requests; in this process's memory on the embedded store, which
 * only one process opens. Same fixed windows either way.
 */
export interface Counters {
  readonly shared: boolean;
  /** Counts one hit on a key; a new window starts when the old one is `windowMs` old. */
  hit(key: string, windowMs: number): Promise<Hit>;
  /** Forgets a key. */
  release(key: string): Promise<void>;
  /** Drops counters of windows that ended over `keepMs` ago, at most once a minute. */
  sweep(keepMs: number): Promise<void>;
}

function databaseCounters(db: Db): Counters {
  let lastSweep = 0;
  return {
    shared: true,
    hit: (key, windowMs) => countHit(db, key, windowMs),
    release: (key) => deleteThrottle(db, key),
    async sweep(keepMs) {
      const now = Date.now();
      if (now - lastSweep < SWEEP_EVERY_MS) return;
      lastSweep = now;
      await sweepThrottles(db, keepMs);
    },
  };
}

function memoryCounters(): Counters {
  const windows = new Map<string, { count: number; start: number }>();
  let lastSweep = Date.now();
  return {
    shared: false,
    async hit(key, windowMs) {
      const now = Date.now();
      const current = windows.get(key);
      const window = current && current.start > now - windowMs ? current : { count: 0, start: now };
      window.count += 1;
      windows.set(key, window);
      return { count: window.count, resetMs: Math.ceil(window.start + windowMs - now) };
    },
    async release(key) {
      windows.delete(key);
    },
    async sweep(keepMs) {
      const now = Date.now();
      if (now - lastSweep < SWEEP_EVERY_MS) return;
      lastSweep = now;
      for (const [key, window] of windows) if (window.start < now - keepMs) windows.delete(key);
    },
  };
}

/** One set of counters per store (tests run several stores, and several apps on one store, in one process). */
const countersOf = new WeakMap<Db, Counters>();

/** The counters of a store: in memory on the embedded store (one process), else in the database. */
export function countersFor(db: Db, shared: boolean): Counters {
  let counters = countersOf.get(db);
  if (!counters || counters.shared !== shared) {
    counters = shared ? databaseCounters(db) : memoryCounters();
    countersOf.set(db, counters);
  }
  return counters;
}

/** The rate-limit key of a Bearer token or of a console session. */
export function rateKey(tokenId: string | undefined, sessionId: string | undefined): string | undefined {
  return tokenId ? `rate:${tokenId}` : sessionId ? `rate:s:${sessionId}` : undefined;
}

/** The seconds to wait when a hit went over the limit, else null. */
export function waitAfter(hit: Hit, limit: number): number | null {
  return hit.count > limit ? Math.max(1, Math.ceil(hit.resetMs / 1000)) : null;
}

/** The key of a write: who sent it, and a digest of its method, target and body. */
export function duplicateKey(principal: string, method: string, url: string, body: unknown): string {
  const digest = createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('base64url');
  return `dup:${principal}:${digest}`;
}

/** ISM-8: true when the same write was already seen within the window (on any node). */
export async function isDuplicate(counters: Counters, key: string, windowMs: number): Promise<boolean> {
  const { count } = await counters.hit(key, windowMs);
  return count > 1;
}
