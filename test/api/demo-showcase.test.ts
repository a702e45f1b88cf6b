import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleOf } from '../../src/domain/lifecycle.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { seedShowcase } from '../../src/demo/seed-showcase.ts';
import { instanceId } from '../../src/store/instance.ts';
import { certificates, informationAssets as assets, tickets, trustedCas } from '../../src/store/schema/index.ts';
import { freshStore } from '../helpers/store.ts';

describe('demo: every page has something to show', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    const id = await instanceId(store.db);
    await seedDemo(store.db, id);
    await seedShowcase(store.db, id);
  }, 120_000);
  afterAll(() => store.close());

  it('seeds assets for both parties (a security analysis can name them)', async () => {
    const rows = await store.db.select().from(assets);
    expect(new Set(rows.map((a) => a.partyId))).toEqual(new Set(['EU', 'CH']));
  });

  it('seeds a CA both parties trust, and a certificate it issued registered', async () => {
    const [ca] = await store.db.select().from(trustedCas);
    expect(ca?.trustedBy.sort()).toEqual(['CH', 'EU']);
    const certs = await store.db.select().from(certificates);
    expect(certs.length).toBeGreaterThan(0);
  });

  it('seeds incidents in every state of their lifecycle, and a problem', async () => {
    const rows = await store.db.select().from(tickets);
    const incidentStates = new Set(rows.filter((t) => t.type === 'incident').map((t) => t.status));
    expect([...incidentStates].sort()).toEqual([...lifecycleOf('incident').states].sort());
    expect(rows.some((t) => t.type === 'problem')).toBe(true);
  });
});
