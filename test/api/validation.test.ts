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
    expect(r.body.error.message).toMatch(/^Le champ « impact » est invalide : Option invalide/);
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
