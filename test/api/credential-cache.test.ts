import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { openStore, type Db, type Store } from '../../src/store/db.ts';
import { instanceId } from '../../src/store/instance.ts';
import { apiTokens, ipAllowlist, parties, users } from '../../src/store/schema/index.ts';
import { incidentBody, signIn, signInHeaders, withToken, clientWith, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { freshDatabase, STORE_KINDS } from '../helpers/store.ts';

/**
 * Credentials are answered from each node's memory (services/auth/credential-cache.ts): every
 * change that alters the outcome holds on the very next request, on every node. Each case first
 * uses the credential (so the node holds a copy), then changes the database, then asks again.
 */

async function userId(db: Db, username: string): Promise<string> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return rows[0]!.id;
}

async function newToken(base: string, username: string, body: Record<string, unknown> = {}) {
  const owner = await signIn(base, username);
  const created = await owner.post('/me/tokens', { name: `probe ${Math.random()}`, ...body });
  expect(created.status).toBe(201);
  return { owner, id: created.body.id as string, client: withToken(base, created.body.token as string) };
}

describe.each(STORE_KINDS)('credentials answered from memory, invalidated at once (%s)', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  }, 180_000);
  afterAll(() => server?.close());

  it('refuses a revoked token on the very next request, whether revoked through the API or in the database', async () => {
    const { owner, id, client } = await newToken(server.url, 'eu.resolver');
    expect((await client.get('/tickets')).status).toBe(200);
    expect((await client.get('/tickets')).status).toBe(200);
    expect((await owner.del(`/me/tokens/${id}`)).status).toBe(204);
    const refused = await client.get('/tickets');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('auth.token_invalid');

    const second = await newToken(server.url, 'eu.resolver');
    expect((await second.client.get('/tickets')).status).toBe(200);
    await server.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, second.id));
    expect((await second.client.get('/tickets')).status).toBe(401);
  });

  it('refuses a token once its expiry instant has passed, without any change to the database', async () => {
    const { client } = await newToken(server.url, 'eu.resolver', {
      expiresAt: new Date(Date.now() + 2500).toISOString(),
    });
    expect((await client.get('/tickets')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2600));
    expect((await client.get('/tickets')).status).toBe(401);
  });

  it('refuses a signed-out session, and the sessions of a disabled user and their tokens', async () => {
    const session = await signIn(server.url, 'ch.agent');
    expect((await session.get('/me')).status).toBe(200);
    expect((await session.post('/auth/logout')).status).toBe(204);
    expect((await session.get('/me')).status).toBe(401);

    const other = await signIn(server.url, 'ch.agent');
    const { client: token } = await newToken(server.url, 'ch.agent');
    expect((await other.get('/tickets')).status).toBe(200);
    expect((await token.get('/tickets')).status).toBe(200);
    const id = await userId(server.db, 'ch.agent');
    await server.db.update(users).set({ active: false }).where(eq(users.id, id));
    try {
      expect((await other.get('/tickets')).status).toBe(401);
      expect((await token.get('/tickets')).status).toBe(401);
    } finally {
      await server.db.update(users).set({ active: true }).where(eq(users.id, id));
    }
    // Enabled again: the same session and token work again (nothing refused from a stale copy either).
    expect((await other.get('/tickets')).status).toBe(200);
    expect((await token.get('/tickets')).status).toBe(200);
  });

  it('applies a lowered clearance at once: a SENSITIVE ticket is no longer readable', async () => {
    const agent = await signIn(server.url, 'eu.agent');
    const created = await agent.post('/incidents', incidentBody({ sensitivity: 'SENSITIVE' }));
    expect(created.status).toBe(201);
    expect((await agent.get(`/tickets/${created.body.ref}`)).status).toBe(200);
    const id = await userId(server.db, 'eu.agent');
    const [before] = await server.db.select({ clearance: users.clearance }).from(users).where(eq(users.id, id));
    await server.db.update(users).set({ clearance: 'LIMITED' }).where(eq(users.id, id));
    try {
      expect((await agent.get(`/tickets/${created.body.ref}`)).status).toBe(404);
    } finally {
      await server.db.update(users).set({ clearance: before!.clearance }).where(eq(users.id, id));
    }
    expect((await agent.get(`/tickets/${created.body.ref}`)).status).toBe(200);
  });

  it('applies a party’s mandatory second factor and its allow-list at once, both ways', async () => {
    const agent = await signIn(server.url, 'eu.agent');
    const { client: token } = await newToken(server.url, 'eu.agent');
    expect((await agent.get('/tickets')).status).toBe(200);
    expect((await token.get('/tickets')).status).toBe(200);
    await server.db.update(parties).set({ requireTotp: true }).where(eq(parties.id, 'EU'));
    try {
      const refused = await token.get('/tickets');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth.totp_mandatory');
      expect((await agent.get('/tickets')).body.error.code).toBe('auth.totp_mandatory');
    } finally {
      await server.db.update(parties).set({ requireTotp: false }).where(eq(parties.id, 'EU'));
    }
    expect((await token.get('/tickets')).status).toBe(200);

    // Test clients call from 127.0.0.1: a list without it refuses them, its removal admits them again.
    const entry = { id: crypto.randomUUID(), partyId: 'EU', cidr: '192.0.2.0/24', note: 'test', createdAt: new Date() };
    await server.db.insert(ipAllowlist).values(entry);
    try {
      expect((await token.get('/tickets')).body.error?.code).toBe('auth.address_not_allowed');
    } finally {
      await server.db.delete(ipAllowlist).where(eq(ipAllowlist.id, entry.id));
    }
    expect((await token.get('/tickets')).status).toBe(200);
  });

  it.runIf(kind === 'pglite')('answers a known credential with no statement on the embedded store', async () => {
    const { client } = await newToken(server.url, 'eu.resolver');
    const agent = await signIn(server.url, 'eu.resolver');
    expect((await client.get('/tickets?limit=1')).status).toBe(200);
    expect((await agent.get('/tickets?limit=1')).status).toBe(200);
    const pg = (server.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
    const seen: string[] = [];
    const query = pg.query;
    pg.query = (...args: unknown[]) => {
      seen.push(String(args[0]));
      return query.apply(pg, args);
    };
    try {
      expect((await client.get('/tickets?limit=1')).status).toBe(200);
      expect((await agent.get('/tickets?limit=1')).status).toBe(200);
    } finally {
      pg.query = query;
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(
      seen.filter((s) => /"api_tokens"|"sessions"|"throttles"|auth_stamp|"require_totp"|"totp_enabled"/.test(s)),
    ).toEqual([]);
  });
});

/** Two app instances (two stores, two pools, as two nodes) on one PostgreSQL database. */
describe.skipIf(!process.env.DATABASE_URL)('credentials on two nodes of one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const stores: Store[] = [];
  const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
  const bases: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    for (let i = 0; i < 2; i++) stores.push(await openStore({ databaseUrl: database.url, poolSize: 3 }));
    const id = await instanceId(stores[0]!.db);
    await seedDemo(stores[0]!.db, id);
    const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', DUPLICATE_WINDOW_MS: '0' });
    for (const store of stores) {
      const app = await buildApp({ db: store.db, config, instanceId: id });
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
      bases.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    await database?.drop();
  });

  it('refuses on one node, at once, a token revoked and a session ended on the other', async () => {
    const [a, b] = bases as [string, string];
    const owner = await signIn(a, 'eu.resolver');
    const created = await owner.post('/me/tokens', { name: 'both nodes' });
    const tokenA = withToken(a, created.body.token);
    const tokenB = withToken(b, created.body.token);
    expect((await tokenA.get('/tickets')).status).toBe(200);
    expect((await tokenB.get('/tickets')).status).toBe(200);
    expect((await tokenB.get('/tickets')).status).toBe(200);
    expect((await owner.del(`/me/tokens/${created.body.id}`)).status).toBe(204); // on node a
    expect((await tokenB.get('/tickets')).status).toBe(401);
    expect((await tokenA.get('/tickets')).status).toBe(401);

    const headers = await signInHeaders(a, 'ch.agent');
    const sessionA: Client = clientWith(a, headers);
    const sessionB: Client = clientWith(b, headers);
    expect((await sessionA.get('/me')).status).toBe(200);
    expect((await sessionB.get('/me')).status).toBe(200);
    expect((await sessionA.post('/auth/logout')).status).toBe(204);
    expect((await sessionB.get('/me')).status).toBe(401);
  });

  it('applies on one node, at once, a clearance lowered, an account disabled and TOTP made mandatory on the other', async () => {
    const [a, b] = bases as [string, string];
    const headers = await signInHeaders(b, 'eu.agent');
    const onA = clientWith(a, headers);
    const onB = clientWith(b, headers);
    const created = await onA.post('/incidents', incidentBody({ sensitivity: 'SENSITIVE' }));
    expect(created.status).toBe(201);
    expect((await onB.get(`/tickets/${created.body.ref}`)).status).toBe(200);
    const dbA = stores[0]!.db;
    const id = await userId(dbA, 'eu.agent');
    await dbA.update(users).set({ clearance: 'LIMITED' }).where(eq(users.id, id));
    expect((await onB.get(`/tickets/${created.body.ref}`)).status).toBe(404);
    await dbA.update(users).set({ clearance: 'SENSITIVE' }).where(eq(users.id, id));
    expect((await onB.get(`/tickets/${created.body.ref}`)).status).toBe(200);

    await dbA.update(parties).set({ requireTotp: true }).where(eq(parties.id, 'EU'));
    expect((await onB.get('/tickets')).body.error?.code).toBe('auth.totp_mandatory');
    await dbA.update(parties).set({ requireTotp: false }).where(eq(parties.id, 'EU'));
    expect((await onB.get('/tickets')).status).toBe(200);

    await dbA.update(users).set({ active: false }).where(eq(users.id, id));
    expect((await onB.get('/tickets')).status).toBe(401);
    await dbA.update(users).set({ active: true }).where(eq(users.id, id));
  });
});
