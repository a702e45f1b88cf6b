import type { AddressInfo } from 'node:net';
import { desc, eq } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { forgetAllowlists } from '../../src/services/access/allowlist-cache.ts';
import { insertAllowlistEntry } from '../../src/store/access.ts';
import { apiTokens, auditLog, ipAllowlist } from '../../src/store/schema/index.ts';
import { incidentBody, signIn, withToken, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const INSIDE = '203.0.113.10';
const OUTSIDE = '198.51.100.7';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The same client, its requests arriving from `address` (the test server trusts X-Forwarded-For). */
function from(client: Client, address: string): Client {
  const h = (extra?: Record<string, string>) => ({ 'x-forwarded-for': address, ...extra });
  return {
    get: (path, headers) => client.get(path, h(headers)),
    post: (path, body, headers) => client.post(path, body, h(headers)),
    patch: (path, body, headers) => client.patch(path, body, h(headers)),
    put: (path, body, headers) => client.put(path, body, h(headers)),
    del: (path, headers) => client.del(path, h(headers)),
  };
}

/** Signs in from an address; returns the status and, on success, a client bound to that address. */
async function signInFrom(url: string, username: string, address: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, 'accept-language': 'fr' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken?: string; error?: { code: string; message: string } };
  if (response.status !== 200) return { status: response.status, error: body.error!, client: null };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const plain: Client = {
    get: (p, hd) => fetchJson(url, 'GET', p, { cookie, 'x-csrf-token': body.csrfToken!, ...hd }),
    post: (p, b, hd) => fetchJson(url, 'POST', p, { cookie, 'x-csrf-token': body.csrfToken!, ...hd }, b),
    patch: (p, b, hd) => fetchJson(url, 'PATCH', p, { cookie, 'x-csrf-token': body.csrfToken!, ...hd }, b),
    put: (p, b, hd) => fetchJson(url, 'PUT', p, { cookie, 'x-csrf-token': body.csrfToken!, ...hd }, b),
    del: (p, hd) => fetchJson(url, 'DELETE', p, { cookie, 'x-csrf-token': body.csrfToken!, ...hd }),
  };
  return { status: 200, error: null, client: from(plain, address) };
}

async function fetchJson(url: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A second node on the same store: another HTTP server, sharing nothing with the first but the database. */
async function secondNode(server: TestServer, env: Record<string, string>) {
  const app = await buildApp({
    db: server.db,
    config: loadConfig({ LOG_LEVEL: 'silent', PORT: '0', ...env }),
    instanceId: server.instanceId,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
}

async function newToken(client: Client, name: string): Promise<string> {
  const created = await client.post('/me/tokens', { name });
  expect(created.status).toBe(201);
  return created.body.token as string;
}

describe.each(STORE_KINDS)('ISM-8 IP allow-list (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let chAgent: Client;
  let euToken: string;

  beforeAll(async () => {
    server = await startTestServer(kind, { TRUST_PROXY: 'true', DUPLICATE_WINDOW_MS: '1000' });
    [euAgent, chAgent] = await Promise.all([signIn(server.url, 'eu.agent'), signIn(server.url, 'ch.agent')]);
    euToken = await newToken(euAgent, 'monitoring');
  });
  afterAll(() => server.close());

  /** Files an allow-list change and takes it to `verified`: approved by CH, fulfilled by CH, verified by EU. */
  async function verifiedRequest(values: Record<string, string>): Promise<string> {
    const created = await euAgent.post('/requests', {
      catalogueItem: 'ip_allowlist_change',
      values: { justification: 'new operations network', ...values },
    });
    expect(created.status).toBe(201);
    const ref = created.body.ref as string;
    expect((await euAgent.post(`/tickets/${ref}/actions/request_approval`, {})).body.status).toBe('awaiting_approval');
    expect((await chAgent.post(`/tickets/${ref}/actions/approve`, { note: 'seen by CH' })).body.status).toBe(
      'approved',
    );
    expect((await euAgent.post(`/tickets/${ref}/actions/start_fulfilment`, {})).body.status).toBe('in_fulfilment');
    expect(
      (await chAgent.post(`/tickets/${ref}/actions/complete_task`, { note: 'firewall rule set' })).body.status,
    ).toBe('fulfilled');
    expect((await euAgent.post(`/tickets/${ref}/actions/verify`, {})).body.status).toBe('verified');
    return ref;
  }

  it('applies an allow-list change only when its request is closed, refusing a closure that would lock the desk out', async () => {
    const ref = await verifiedRequest({ action: 'add', cidr: '203.0.113.77/24' });
    // Verified is not enough: nothing is restricted yet.
    expect((await from(euAgent, OUTSIDE).get('/me')).status).toBe(200);
    // Closing from an address the new list would not admit is refused, and changes nothing.
    const lockout = await from(euAgent, OUTSIDE).post(`/tickets/${ref}/actions/close`, { requesterAccepted: true });
    expect(lockout.status).toBe(409);
    expect(lockout.body.error.code).toBe('request.allowlist_lockout');
    expect(lockout.body.error.message).toContain(OUTSIDE);
    expect((await from(euAgent, OUTSIDE).get('/me')).status).toBe(200);

    const closed = await from(euAgent, INSIDE).post(`/tickets/${ref}/actions/close`, { requesterAccepted: true });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'ip_allowlist_changed',
        data: { party: 'EU', action: 'add', cidr: '203.0.113.0/24', changed: true },
      }),
    );
    // The other party sees it on the timeline too.
    expect((await chAgent.get(`/tickets/${ref}`)).body.timeline.map((e: { kind: string }) => e.kind)).toContain(
      'ip_allowlist_changed',
    );
  });

  it('refuses every EU request from outside the list, by session or token, in the caller’s language, and admits those inside', async () => {
    const outside = await from(euAgent, OUTSIDE).get('/me', { 'accept-language': 'fr' });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('auth.address_not_allowed');
    expect(outside.body.error.message).toContain(OUTSIDE);
    expect(outside.body.error.message).toContain('autorisé');
    // Writes too (nothing is created), and API tokens.
    expect((await from(euAgent, OUTSIDE).post('/incidents', incidentBody({ title: 'from outside' }))).status).toBe(403);
    expect((await from(withToken(server.url, euToken), OUTSIDE).get('/tickets')).body.error.code).toBe(
      'auth.address_not_allowed',
    );
    expect((await from(euAgent, INSIDE).get('/tickets?q=outside')).body.items).toHaveLength(0);

    expect((await from(euAgent, '203.0.113.250').get('/me')).status).toBe(200);
    expect((await from(withToken(server.url, euToken), INSIDE).get('/me')).status).toBe(200);
    // An IPv4-mapped IPv6 address is its IPv4 address; a neighbouring block is not inside.
    expect((await from(euAgent, '::ffff:203.0.113.5').get('/me')).status).toBe(200);
    expect((await from(euAgent, '203.0.114.1').get('/me')).status).toBe(403);
    expect((await from(euAgent, '2001:db8::1').get('/me')).status).toBe(403);
  });

  it('refuses sign-in from outside with the answer of a wrong password, before the password, and leaves the other party alone', async () => {
    const refused = await signInFrom(server.url, 'eu.auditor', OUTSIDE);
    expect(refused.status).toBe(401);
    expect(refused.error).toMatchObject({ code: 'auth.invalid_credentials' });
    // A wrong password from outside gets exactly the same answer: nothing says whether the password was right.
    expect((await signInFrom(server.url, 'eu.auditor', OUTSIDE, 'wrong-password')).error).toEqual(refused.error);
    expect((await signInFrom(server.url, 'eu.auditor', INSIDE)).status).toBe(200);

    // CH has no list: its users work from anywhere.
    expect((await from(chAgent, OUTSIDE).get('/me')).status).toBe(200);
    expect((await signInFrom(server.url, 'ch.auditor', OUTSIDE)).status).toBe(200);
  });

  it('shows a party’s list only to its own administrators and auditors, with the request that created each entry, and has no write endpoint', async () => {
    const admin = (await signInFrom(server.url, 'eu.admin', INSIDE)).client!;
    const auditor = (await signInFrom(server.url, 'eu.auditor', INSIDE)).client!;
    const listed = await admin.get('/parties/EU/ip-allowlist');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        cidr: '203.0.113.0/24',
        note: 'new operations network',
        request: expect.objectContaining({ ref: expect.stringMatching(/^EU-REQ-/) }),
      }),
    ]);
    expect((await auditor.get('/parties/EU/ip-allowlist')).body.items).toHaveLength(1);

    expect((await from(euAgent, INSIDE).get('/parties/EU/ip-allowlist')).status).toBe(403);
    const chAdmin = await signIn(server.url, 'ch.admin');
    expect((await chAdmin.get('/parties/EU/ip-allowlist')).status).toBe(403);
    expect((await chAdmin.get('/parties/CH/ip-allowlist')).body).toEqual({ items: [] });
    // Changes go through a request only.
    for (const method of ['post', 'put'] as const)
      expect((await admin[method]('/parties/EU/ip-allowlist', { cidr: '0.0.0.0/0' })).status).toBe(404);
    expect((await admin.del('/parties/EU/ip-allowlist')).status).toBe(404);
  });

  it('lifts the restriction when a removal request empties the list', async () => {
    const desk = from(euAgent, INSIDE);
    const created = await desk.post('/requests', {
      catalogueItem: 'ip_allowlist_change',
      values: { action: 'remove', cidr: '203.0.113.0/24', justification: 'network retired' },
    });
    const ref = created.body.ref as string;
    await desk.post(`/tickets/${ref}/actions/request_approval`, {});
    await from(chAgent, OUTSIDE).post(`/tickets/${ref}/actions/approve`, {});
    await desk.post(`/tickets/${ref}/actions/start_fulfilment`, {});
    await chAgent.post(`/tickets/${ref}/actions/complete_task`, {});
    await desk.post(`/tickets/${ref}/actions/verify`, {});
    const closed = await desk.post(`/tickets/${ref}/actions/close`, { requesterAccepted: true });
    expect(closed.body.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'ip_allowlist_changed',
        data: { party: 'EU', action: 'remove', cidr: '203.0.113.0/24', changed: true },
      }),
    );
    expect((await from(euAgent, OUTSIDE).get('/me')).status).toBe(200);
  });
});

describe.each(STORE_KINDS)('ISM-8 rate limit and duplicate requests (%s)', (kind) => {
  let server: TestServer;
  let node2: { url: string; close(): Promise<unknown> };
  let euAgent: Client;
  let euResolver: Client;

  beforeAll(async () => {
    const env = { API_RATE_LIMIT: '5', API_RATE_WINDOW_SECONDS: '60', DUPLICATE_WINDOW_MS: '1000' };
    server = await startTestServer(kind, env);
    node2 = await secondNode(server, env);
    [euAgent, euResolver] = await Promise.all([signIn(server.url, 'eu.agent'), signIn(server.url, 'eu.resolver')]);
  });
  afterAll(async () => {
    await node2.close();
    await server.close();
  });

  it('answers 429 with Retry-After once a token has used its requests in the window, on every node, and only for that token', async () => {
    const token = await newToken(euAgent, 'busy robot');
    const [one, two] = [withToken(server.url, token), withToken(node2.url, token)];
    for (let i = 0; i < 3; i++) expect((await one.get('/me')).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await two.get('/me')).status).toBe(200);
    const limited = await one.get('/me', { 'accept-language': 'fr' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('request.rate_limited');
    expect(limited.body.error.message).toContain('jeton');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await two.get('/tickets')).status).toBe(429);
    // Another token of the same user, and the console session, are not affected.
    expect((await withToken(server.url, await newToken(euAgent, 'quiet robot')).get('/me')).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await euAgent.get('/me')).status).toBe(200);
  });

  it('counts parallel requests atomically: no more than the limit get through', async () => {
    const token = await newToken(euAgent, 'parallel robot');
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => withToken(i % 2 ? node2.url : server.url, token).get('/me')),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('refuses an identical write within one second, on any node, and accepts it again after', async () => {
    const body = incidentBody({ title: 'Duplicate probe' });
    expect((await euAgent.post('/incidents', body)).status).toBe(201);
    const again = await euAgent.post('/incidents', body, { 'accept-language': 'fr' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('request.duplicate');
    expect(again.body.error.message).toContain('même requête');
    // A different body, another user, or a read are not duplicates.
    expect((await euAgent.post('/incidents', { ...body, title: 'Duplicate probe 2' })).status).toBe(201);
    expect((await euResolver.post('/incidents', body)).status).toBe(201);
    expect((await euAgent.get('/tickets?q=Duplicate')).status).toBe(200);
    expect((await euAgent.get('/tickets?q=Duplicate')).status).toBe(200);
    expect(
      (await euAgent.get('/tickets?q=Duplicate%20probe')).body.items.filter(
        (t: { title: string }) => t.title === 'Duplicate probe',
      ),
    ).toHaveLength(2);

    await sleep(1100);
    expect((await euAgent.post('/incidents', body)).status).toBe(201);
  });

  it('treats two nodes as one for duplicates, also for API tokens', async () => {
    const token = await newToken(euResolver, 'dup robot');
    const body = incidentBody({ title: 'Sent to both nodes' });
    const replies = await Promise.all([
      withToken(server.url, token).post('/incidents', body),
      withToken(node2.url, token).post('/incidents', body),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('does not hold a failed write against its retry', async () => {
    const ref = (
      await euAgent.post('/requests', {
        catalogueItem: 'tool_access',
        values: { person: 'Ada', email: 'ada@example.org', tool: 'wiki', role: 'reader' },
      })
    ).body.ref;
    const early = await euAgent.post(`/tickets/${ref}/actions/start_fulfilment`, {});
    expect(early.body.error.code).toBe('request.approval_required');
    // Still refused for its own reason, not as a duplicate.
    expect((await euAgent.post(`/tickets/${ref}/actions/start_fulfilment`, {})).body.error.code).toBe(
      'request.approval_required',
    );
  });
});

/** The statements naming `table` that `act` sends to PostgreSQL outside transactions. */
async function statementsOn(db: TestServer['db'], table: string, act: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn((db as unknown as { $client: pg.Pool }).$client, 'query');
  try {
    await act();
    return (spy.mock.calls as unknown[][])
      .map(([statement]) => (typeof statement === 'string' ? statement : (statement as pg.QueryConfig).text))
      .filter((text) => text.includes(table));
  } finally {
    spy.mockRestore();
  }
}
const throttleStatements = (db: TestServer['db'], act: () => Promise<unknown>) => statementsOn(db, 'throttles', act);

/**
 * On PostgreSQL a write's duplicate claim is counted by the statement that counts its rate-limit
 * hit and confirms its credential, before the address, rate and credential checks decide: every
 * refusal must give the claim back, and a real duplicate must still be refused after them.
 * Duplicates are held for a minute here, so a claim left behind would refuse the retry.
 */
describe.each(STORE_KINDS)('ISM-8 duplicate claims counted with the rate limit (%s)', (kind) => {
  let server: TestServer;
  let agent: Client;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      API_RATE_LIMIT: '3',
      API_RATE_WINDOW_SECONDS: '1',
      DUPLICATE_WINDOW_MS: '60000',
    });
    agent = await signIn(server.url, 'ch.agent');
  });
  afterAll(() => server.close());

  /** A token of ch.agent whose credential this node already holds (its first request read it). */
  async function warmToken(name: string) {
    const created = await agent.post('/me/tokens', { name });
    expect(created.status).toBe(201);
    const client = withToken(server.url, created.body.token as string);
    expect((await client.get('/me')).status).toBe(200);
    await sleep(1100); // a fresh rate window
    return { id: created.body.id as string, client };
  }

  it.runIf(kind === 'postgres')(
    'counts a write’s rate-limit hit and its duplicate claim in one statement, and still refuses the duplicate',
    async () => {
      const body = incidentBody({ title: 'One statement' });
      expect((await agent.get('/me')).status).toBe(200);
      let first: Awaited<ReturnType<Client['post']>> | undefined;
      const once = await throttleStatements(server.db, async () => (first = await agent.post('/incidents', body)));
      expect(first!.status).toBe(201);
      expect(once).toHaveLength(1);
      expect(once[0]).toContain('($4::integer, $5::text, $6::integer)');
      let again: Awaited<ReturnType<Client['post']>> | undefined;
      const twice = await throttleStatements(server.db, async () => (again = await agent.post('/incidents', body)));
      expect(again!.status).toBe(409);
      expect(again!.body.error.code).toBe('request.duplicate');
      expect(twice).toHaveLength(1);
      // A read claims nothing: one key in its statement.
      const read = await throttleStatements(server.db, () => agent.get('/me'));
      expect(read).toHaveLength(1);
      expect(read[0]).not.toContain('$4');
    },
  );

  it('refuses an identical write within the window, by token and by session, and a different one not', async () => {
    const { client } = await warmToken('dup robot');
    const body = incidentBody({ title: 'Sent twice' });
    expect((await client.post('/incidents', body)).status).toBe(201);
    const again = await client.post('/incidents', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('request.duplicate');
    expect((await client.post('/incidents', { ...body, title: 'Sent once' })).status).toBe(201);
    // The session of the same user is another sender; its own repeat is refused.
    expect((await agent.post('/incidents', body)).status).toBe(201);
    expect((await agent.post('/incidents', body)).body.error?.code).toBe('request.duplicate');
  });

  it('leaves no claim behind a rate-limited write; a duplicate over the limit gets 429 and keeps the claim it repeats', async () => {
    const { client } = await warmToken('busy robot');
    const body = incidentBody({ title: 'Over the limit' });
    for (let i = 0; i < 3; i++) expect((await client.get('/me')).status).toBe(200);
    const limited = await client.post('/incidents', body);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('request.rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await sleep(1100);
    // The rate window has passed: the same write goes through, not refused as a duplicate.
    expect((await client.post('/incidents', body)).status).toBe(201);
    expect((await client.post('/incidents', body)).body.error?.code).toBe('request.duplicate');
    expect((await client.get('/me')).status).toBe(200);
    // Over the limit and a duplicate: the rate limit answers first, and the claim of the write that went through stays.
    expect((await client.post('/incidents', body)).body.error?.code).toBe('request.rate_limited');
    await sleep(1100);
    expect((await client.post('/incidents', body)).body.error?.code).toBe('request.duplicate');
  });

  it('leaves no claim behind a write refused by the allow-list, and answers a duplicate from outside with 403', async () => {
    const { client } = await warmToken('fenced robot');
    const sent = incidentBody({ title: 'Sent before the fence' });
    expect((await client.post('/incidents', sent)).status).toBe(201);
    await sleep(1100);
    const body = incidentBody({ title: 'Behind the fence' });
    // Test clients call from 127.0.0.1: a list without it refuses them.
    const entry = { id: crypto.randomUUID(), partyId: 'CH', cidr: '192.0.2.0/24', note: 'test', createdAt: new Date() };
    await server.db.insert(ipAllowlist).values(entry);
    try {
      expect((await client.get('/me')).body.error?.code).toBe('auth.address_not_allowed');
      expect((await client.post('/incidents', body)).body.error?.code).toBe('auth.address_not_allowed');
      expect((await client.post('/incidents', sent)).body.error?.code).toBe('auth.address_not_allowed');
    } finally {
      await server.db.delete(ipAllowlist).where(eq(ipAllowlist.id, entry.id));
    }
    await sleep(1100);
    expect((await client.post('/incidents', body)).status).toBe(201);
    expect((await client.post('/incidents', sent)).body.error?.code).toBe('request.duplicate');
  });

  it('leaves no claim behind a write refused because its token was revoked since this node read it', async () => {
    const { id, client } = await warmToken('revoked robot');
    const body = incidentBody({ title: 'Sent while revoked' });
    await server.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    expect((await client.post('/incidents', body)).body.error?.code).toBe('auth.token_invalid');
    await server.db.update(apiTokens).set({ revokedAt: null }).where(eq(apiTokens.id, id));
    expect((await client.post('/incidents', body)).status).toBe(201);
  });

  it('leaves no claim behind a write that fails validation or is refused by its handler', async () => {
    const { client } = await warmToken('careless robot');
    const past = { name: 'expired', expiresAt: new Date(Date.now() - 60_000).toISOString() };
    for (let i = 0; i < 2; i++)
      expect((await client.post('/me/tokens', past)).body.error?.code).toBe('validation.invalid');
    const malformed = incidentBody({ impact: 'I9' });
    await sleep(1100);
    for (let i = 0; i < 2; i++) expect((await client.post('/incidents', malformed)).status).toBe(400);

    // Refused by the handler, then sent again, unchanged, once the cause is gone.
    const created = await agent.post('/requests', {
      catalogueItem: 'tool_access',
      values: { person: 'Grace', email: 'grace@example.org', tool: 'wiki', role: 'reader' },
    });
    expect(created.status).toBe(201);
    const ref = created.body.ref as string;
    await sleep(1100);
    const early = await client.post(`/tickets/${ref}/actions/start_fulfilment`, {});
    expect(early.body.error?.code).toBe('request.approval_required');
    expect((await agent.post(`/tickets/${ref}/actions/request_approval`, {})).body.status).toBe('awaiting_approval');
    const eu = await signIn(server.url, 'eu.agent');
    expect((await eu.post(`/tickets/${ref}/actions/approve`, {})).body.status).toBe('approved');
    expect((await client.post(`/tickets/${ref}/actions/start_fulfilment`, {})).body.status).toBe('in_fulfilment');
  });
});

/**
 * With the rate limit off (as the benchmark runs), a write on PostgreSQL still claims its duplicate
 * key, and that claim's statement confirms the credential: one statement, no separate stamp read.
 */
describe.runIf(STORE_KINDS.includes('postgres'))('ISM-8 duplicate claims with the rate limit off (postgres)', () => {
  let server: TestServer;
  let robot: Client;

  beforeAll(async () => {
    server = await startTestServer('postgres', {
      API_RATE_LIMIT: '0',
      SESSION_RATE_LIMIT: '0',
      DUPLICATE_WINDOW_MS: '60000',
    });
    const agent = await signIn(server.url, 'ch.agent');
    const created = await agent.post('/me/tokens', { name: 'unlimited robot' });
    robot = withToken(server.url, created.body.token as string);
    expect((await robot.get('/me')).status).toBe(200);
  });
  afterAll(() => server.close());

  it('claims a write in the statement that reads the auth stamp, refuses its repeat, and claims nothing for a read', async () => {
    const body = incidentBody({ title: 'Unlimited, once' });
    let first: Awaited<ReturnType<Client['post']>> | undefined;
    const stampReads = await statementsOn(server.db, 'auth_stamp', async () => {
      first = await robot.post('/incidents', body);
    });
    expect(first!.status).toBe(201);
    expect(stampReads).toHaveLength(1);
    expect(stampReads[0]).toContain('insert into throttles');
    expect(stampReads[0]).not.toContain('$4');
    const again = await robot.post('/incidents', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('request.duplicate');
    // A read counts nothing: the stamp alone is read.
    const read = await statementsOn(server.db, 'auth_stamp', () => robot.get('/me'));
    expect(read).toHaveLength(1);
    expect(read[0]).not.toContain('throttles');
  });

  it('gives the claim back when the write is refused', async () => {
    const invalid = incidentBody({ title: 'Unlimited, invalid', impact: 'I9' });
    expect((await robot.post('/incidents', invalid)).status).toBe(400);
    expect((await robot.post('/incidents', invalid)).status).toBe(400);
  });
});

describe.each(STORE_KINDS)('ISM-8 client address without a trusted proxy (%s)', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
    await insertAllowlistEntry(server.db, {
      partyId: 'EU',
      cidr: '10.0.0.0/8',
      note: 'test',
      requestId: null,
      createdAt: new Date(),
    });
    forgetAllowlists(server.db);
  });
  afterAll(() => server.close());

  it('ignores a forged X-Forwarded-For header: the peer address counts', async () => {
    const forged = await signInFrom(server.url, 'eu.agent', '10.1.2.3');
    expect(forged.status).toBe(401);
    // The refusal is recorded against the peer address, outside the list, not the forged one inside it.
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.sign_in_failed'))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(entry!.data).toMatchObject({ address: '127.0.0.1', reason: 'auth.address_not_allowed' });
    expect((await signInFrom(server.url, 'ch.agent', '10.1.2.3')).status).toBe(200);
  });
});

describe('ISM-8 configuration', () => {
  it('defaults to 600 requests a minute per token, identical writes once a second, and no trusted proxy', () => {
    expect(loadConfig({})).toMatchObject({
      API_RATE_LIMIT: 600,
      API_RATE_WINDOW_SECONDS: 60,
      DUPLICATE_WINDOW_MS: 1000,
      TRUST_PROXY: false,
    });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, loopback' }).TRUST_PROXY).toEqual(['10.0.0.1', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ API_RATE_LIMIT: '-1' })).toThrow(/API_RATE_LIMIT/);
  });
});
