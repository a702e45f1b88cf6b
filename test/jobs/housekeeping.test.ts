import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housekeep } from '../../src/jobs/housekeeping.ts';
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
});
