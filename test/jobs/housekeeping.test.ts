import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { housekeep, startHousekeeping } from '../../src/jobs/housekeeping.ts';
import { sessions, signInAttempts, users } from '../../src/store/schema/index.ts';
import type { Store } from '../../src/store/db.ts';
import { createParty } from '../../src/services/parties/create-party.ts';
import { createUser } from '../../src/services/parties/create-user.ts';
import { freshStore, STORE_KINDS } from '../helpers/store.ts';

describe.each(STORE_KINDS)('housekeeping (%s)', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(() => store.close());

  it('drops expired sessions and day-old sign-in counters, keeps live ones', async () => {
    await createParty(store.db, { id: 'EU', name: 'EU' });
    const user = await createUser(store.db, {
      party: 'EU',
      username: 'u',
      displayName: 'U',
      password: 'long-enough-pw',
      roles: ['agent'],
      clearance: 'LIMITED',
    });
    const now = new Date('2026-06-01T12:00:00Z');
    await store.db.insert(sessions).values([
      { id: 'live', userId: user.id, csrfToken: 'a', expiresAt: new Date(now.getTime() + 60_000) },
      { id: 'dead', userId: user.id, csrfToken: 'b', expiresAt: new Date(now.getTime() - 60_000) },
    ]);
    await store.db.insert(signInAttempts).values([
      { key: 'user:recent', failures: 3, windowStart: new Date(now.getTime() - 3_600_000) },
      { key: 'user:old', failures: 3, windowStart: new Date(now.getTime() - 25 * 3_600_000) },
    ]);
    await housekeep(store.db, now);
    expect((await store.db.select({ id: sessions.id }).from(sessions)).map((r) => r.id)).toEqual(['live']);
    expect((await store.db.select({ key: signInAttempts.key }).from(signInAttempts)).map((r) => r.key)).toEqual([
      'user:recent',
    ]);
    expect(await store.db.select({ id: users.id }).from(users)).toHaveLength(1);
  });

  // PGlite has no autovacuum: without this pass no page is ever all-visible, so list totals could
  // never be counted from tickets_count alone, and dead rows would stay for ever.
  it.runIf(kind === 'pglite')('vacuums the embedded store every five minutes', async () => {
    await store.db
      .insert(signInAttempts)
      .values(Array.from({ length: 50 }, (_, i) => ({ key: `user:v${i}`, failures: 1, windowStart: new Date() })));
    const allVisible = async () => {
      const result = (await store.db.execute(
        sql`select relallvisible as pages from pg_class where relname = 'sign_in_attempts'`,
      )) as unknown as { rows: { pages: number }[] };
      return Number(result.rows[0]!.pages);
    };
    expect(await allVisible()).toBe(0);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = startHousekeeping(store, (error) => {
        throw error;
      });
      vi.advanceTimersByTime(4 * 60_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await allVisible()).toBe(0);
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(async () => expect(await allVisible()).toBeGreaterThan(0), { timeout: 5000 });
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
