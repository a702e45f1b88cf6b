import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../store/db.ts';
import { ipAllowlist, parties } from '../../store/schema/index.ts';
import { ALLOWLIST_TTL_MS, allowlists } from './allowlist-cache.ts';

/** A change written straight to the store, as another node writes it: this node's copy is not told. */
describe('the allow-list copy of a node', () => {
  let store: Store;
  const T0 = Date.parse('2026-12-06T10:00:00Z');
  const cidrsOf = async () => (await allowlists(store.db)).get('EU')?.length ?? 0;
  const allow = (cidr: string) => store.db.insert(ipAllowlist).values({ id: randomUUID(), partyId: 'EU', cidr });

  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://' });
    await store.db.insert(parties).values({ id: 'EU', name: 'EU', escalationLevels: [] });
  });
  afterAll(() => store.close());
  afterEach(() => vi.useRealTimers());

  it('is reloaded ahead of its end without making the request wait, and never trusted past its life', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await allow('10.0.0.0/8');
    expect(await cidrsOf()).toBe(1);
    await allow('192.168.0.0/16');

    // Fresh and not near its end: the copy answers, and no reload starts.
    vi.setSystemTime(T0 + ALLOWLIST_TTL_MS / 2);
    expect(await cidrsOf()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await cidrsOf()).toBe(1);

    // Near its end: still the copy's answer, but the reload has started and then holds.
    vi.setSystemTime(T0 + ALLOWLIST_TTL_MS - 100);
    expect(await cidrsOf()).toBe(1);
    await vi.waitFor(async () => expect(await cidrsOf()).toBe(2));

    // Expired with no request near its end: the request waits for the store's answer.
    const reloadedAt = Date.now();
    await allow('172.16.0.0/12');
    vi.setSystemTime(reloadedAt + ALLOWLIST_TTL_MS);
    expect(await cidrsOf()).toBe(3);
  });
});
