import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

/** NFR-2: bad input gets a clear, coded 4xx naming the field, and changes nothing. */
describe.each(STORE_KINDS)('bad input (%s)', (kind) => {
  let server: TestServer;
  let agent: Client;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(kind, { BODY_LIMIT_BYTES: '20000' });
    agent = await signIn(server.url, 'eu.agent');
    token = (await agent.post('/me/tokens', { name: 'raw' })).body.token;
  });
  afterAll(() => server.close());

  const raw = (body: string, contentType: string) =>
    fetch(`${server.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });

  it('names the offending field, in French when asked', async () => {
    const r = await agent.post('/incidents', incidentBody({ impact: 'I9' }), { 'accept-language': 'fr-CH, en;q=0.5' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation.invalid');
    expect(r.body.error.field).toBe('impact');
    expect(r.body.error.message).toMatch(/^Le champ « Impact » est invalide : Option invalide/);
    const missing = await agent.post('/incidents', { service: 'x', impact: 'I1', criticality: 'C1' });
    expect(missing.body.error.field).toBe('title');
  });

  it('answers 400 for broken JSON, 415 for another media type, 413 for a huge body', async () => {
    const broken = await raw('{"title": ', 'application/json');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('validation.invalid');
    expect((await raw('title=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    const huge = await raw(JSON.stringify(incidentBody({ description: 'x'.repeat(30_000) })), 'application/json');
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('request.too_large');
  });

  it('refuses an unknown field in any request body with a 400 naming it, and writes nothing (NFR-2)', async () => {
    const created = await agent.post('/incidents', incidentBody());
    const { ref, version } = created.body;
    const patched = await agent.patch(`/tickets/${ref}`, { version, status: 'closed' });
    expect(patched.status).toBe(400);
    expect(patched.body.error).toMatchObject({ code: 'validation.invalid', field: 'status' });
    expect(patched.body.error.message).toContain('status');
    const after = (await agent.get(`/tickets/${ref}`)).body;
    expect(after).toMatchObject({ version, status: 'recorded' });

    const before = (await agent.get('/tickets')).body.total;
    const extra = await agent.post('/incidents', { ...incidentBody(), owner: 'CH' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.field).toBe('owner');
    expect((await agent.get('/tickets')).body.total).toBe(before);
    // Nested objects too, in French when asked.
    const nested = await agent.post(
      `/tickets/${ref}/actions/comment`,
      { body: 'x', visibility: 'shared', extra: { a: 1 } },
      { 'accept-language': 'fr' },
    );
    expect(nested.status).toBe(400);
    expect(nested.body.error.field).toBe('extra');
    expect(nested.body.error.message).toMatch(/^Le champ « extra »/);
  });

  it('answers 415 to a JSON body sent as text/plain or in a charset other than UTF-8', async () => {
    const body = JSON.stringify(incidentBody());
    for (const type of ['text/plain', 'application/json; charset=latin1', 'application/json; charset=iso-8859-1']) {
      const r = await raw(body, type);
      expect(r.status, type).toBe(415);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('request.unsupported_media_type');
    }
    expect((await raw(body, 'application/json; charset=UTF-8')).status).toBe(201);
    expect((await raw(body, 'application/json; charset=utf-8')).status).toBe(201);
  });

  it('answers router-level errors and oversized bodies in the one error shape, with a readable 413', async () => {
    // Without the console (no catch-all route), the router itself refuses an over-long parameter.
    const apiOnly = await startTestServer(kind, {}, { webRoot: '/nonexistent' });
    try {
      const long = await fetch(`${apiOnly.url}/api/v1/tickets/${'x'.repeat(300)}`, {
        headers: { 'accept-language': 'fr' },
      });
      expect(long.status).toBe(414);
      expect(await long.json()).toEqual({
        error: { code: 'request.uri_too_long', message: expect.stringMatching(/^L’adresse est trop longue/) },
      });
    } finally {
      await apiOnly.close();
    }
    const badUrl = await fetch(`${server.url}/api/v1/tickets/%E0%A4%A`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(badUrl.status).toBe(400);
    expect(((await badUrl.json()) as { error: { code: string } }).error.code).toBe('validation.invalid');
    // A body over the limit is read to its end before the 413: the client reads the answer and the
    // connection stays usable (a second request on the same socket is answered too).
    const exchange = await new Promise<string>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const socket = connect(Number(port), hostname);
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (received.includes('"status":"ok"')) socket.end();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      const oversized = 'x'.repeat(100_000);
      socket.write(
        `POST /api/v1/incidents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${oversized.length}\r\n\r\n`,
      );
      socket.write(oversized);
      socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
      setTimeout(() => socket.end(), 5_000);
    });
    expect(exchange).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange).toContain('"code":"request.too_large"');
    expect(exchange).toContain('"status":"ok"');
    const huge = await raw(JSON.stringify(incidentBody({ description: 'x'.repeat(5_000_000) })), 'application/json');
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'request.too_large',
      message: expect.stringContaining('20000'),
    });
  });

  it('names states and actions by their labels in refusals, never their raw names', async () => {
    const { ref } = (await agent.post('/incidents', incidentBody())).body;
    await agent.post(`/tickets/${ref}/actions/resolve`, { resolution: 'Fixed' });
    const fr = await agent.post(`/tickets/${ref}/actions/pend`, { reason: 'x' }, { 'accept-language': 'fr' });
    expect(fr.status).toBe(409);
    expect(fr.body.error.message).toBe(
      'L’action « Mettre en attente » est impossible tant que le ticket est à l’état « Résolu ».',
    );
    const en = await agent.post(`/tickets/${ref}/actions/pend`, { reason: 'x' }, { 'accept-language': 'en' });
    expect(en.body.error.message).toBe('Action "Put on hold" is not possible while the ticket is "Resolved".');
  });

  it('changes nothing when a request is refused', async () => {
    const before = (await agent.get('/tickets')).body.total;
    await agent.post('/incidents', incidentBody({ criticality: 'C7' }));
    await agent.post('/incidents', incidentBody({ priority: 'P1', impact: 'I3', criticality: 'C3' }));
    expect((await agent.get('/tickets')).body.total).toBe(before);
  });

  it('answers unknown endpoints and bad cursors with coded errors', async () => {
    const unknown = await agent.get('/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('request.not_found');
    expect((await agent.get('/tickets?cursor=garbage')).body.error.field).toBe('cursor');
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect((await agent.get(`/tickets?cursor=${forged({ v: '2026-01-01T00:00:00Z', id: 'x' })}`)).status).toBe(400);
    expect(
      (await agent.get(`/tickets?cursor=${forged({ v: 'nope', id: '6f1c1a52-1d0e-4a8e-9a3e-1d2c3b4a5f60' })}`)).status,
    ).toBe(400);
    expect((await agent.get('/tickets?q=a%00b')).status).toBe(400);
    expect((await agent.post('/incidents', incidentBody({ title: 'a\u0000b' }))).body.error.field).toBe('title');
    expect((await agent.post('/incidents', incidentBody({ description: 'a\u0000b' }))).body.error.field).toBe(
      'description',
    );
    expect((await agent.get('/tickets?sort=title')).body.error.field).toBe('sort');
    expect((await agent.get('/tickets?limit=5000')).body.error.field).toBe('limit');
  });

  it('pages through the queue with a cursor without repeats', async () => {
    for (let i = 0; i < 5; i++) await agent.post('/incidents', incidentBody({ title: `Paged ${i}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { ref: string }[]; nextCursor: string | null } } = await agent.get(
        `/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((t) => t.ref));
      cursor = page.body.nextCursor;
    } while (cursor);
    const total = (await agent.get('/tickets')).body.total;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const byPriority = (await agent.get('/tickets?sort=priority&limit=200')).body.items.map(
      (t: { priority: string }) => t.priority,
    );
    expect(byPriority).toEqual([...byPriority].sort());
  });

  it('publishes an OpenAPI 3.1 document with every ticket action', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const action of [
      'assign',
      'transfer',
      'escalate',
      'comment',
      'resolve',
      'verify',
      'close',
      'record_recurrence',
      'declare_security_incident',
    ]) {
      expect(doc.paths).toHaveProperty([`/api/v1/tickets/{id}/actions/${action}`]);
    }
    expect(doc.paths).toHaveProperty(['/api/v1/incidents']);
  });
});
