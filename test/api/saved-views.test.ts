import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

describe.each(STORE_KINDS)('saved queue views, per user on the server (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let euResolver: Client;
  let chResolver: Client;

  beforeAll(async () => {
    server = await startTestServer(kind);
    euAgent = await signIn(server.url, 'eu.agent');
    euResolver = await signIn(server.url, 'eu.resolver');
    chResolver = await signIn(server.url, 'ch.resolver');
  });
  afterAll(() => server.close());

  it('saves, lists and replaces a view of my own, and the query applies to the ticket list as is', async () => {
    const query = { status: 'new,in_progress', assignee: 'mine', sort: 'slaDueAt' };
    const saved = await euAgent.post('/me/views', { name: 'Open, mine', query });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Open, mine', query });
    const again = await euAgent.post('/me/views', { name: 'Open, mine', query: { ...query, sort: '-updatedAt' } });
    expect(again.status).toBe(201);
    const list = (await euAgent.get('/me/views')).body.items as { id: string; name: string; query: object }[];
    expect(list.filter((v) => v.name === 'Open, mine')).toHaveLength(1);
    expect(list.find((v) => v.name === 'Open, mine')!.query).toEqual({ ...query, sort: '-updatedAt' });
    const applied = await euAgent.get(`/tickets?${new URLSearchParams(list[0]!.query as Record<string, string>)}`);
    expect(applied.status).toBe(200);
  });

  it('never shows nor deletes another user’s view (404), from the same party or another', async () => {
    const mine = (await euAgent.post('/me/views', { name: 'P1 only', query: { priority: 'P1' } })).body as {
      id: string;
    };
    for (const other of [euResolver, chResolver]) {
      const names = ((await other.get('/me/views')).body.items as { name: string }[]).map((v) => v.name);
      expect(names).not.toContain('P1 only');
      const refused = await other.del(`/me/views/${mine.id}`);
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('view.not_found');
    }
    // Still there for its owner, who alone can delete it, once.
    expect(((await euAgent.get('/me/views')).body.items as { id: string }[]).map((v) => v.id)).toContain(mine.id);
    expect((await euAgent.del(`/me/views/${mine.id}`)).status).toBe(204);
    expect((await euAgent.del(`/me/views/${mine.id}`)).status).toBe(404);
    expect(((await euAgent.get('/me/views')).body.items as { id: string }[]).map((v) => v.id)).not.toContain(mine.id);
  });

  it('refuses a query the ticket list would refuse, naming the field, in the user’s language, saving nothing', async () => {
    const before = ((await euResolver.get('/me/views')).body.items as unknown[]).length;
    const badSort = await euResolver.post(
      '/me/views',
      { name: 'Bad', query: { sort: 'title' } },
      { 'accept-language': 'fr' },
    );
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.field).toContain('sort');
    const badPriority = await euResolver.post('/me/views', { name: 'Bad', query: { priority: 'P9' } });
    expect(badPriority.status).toBe(400);
    expect(badPriority.body.error.field).toContain('priority');
    const unknownKey = await euResolver.post('/me/views', { name: 'Bad', query: { cursor: 'abc' } });
    expect(unknownKey.status).toBe(400);
    const noName = await euResolver.post('/me/views', { name: '  ', query: {} });
    expect(noName.status).toBe(400);
    expect(noName.body.error.field).toBe('name');
    expect(((await euResolver.get('/me/views')).body.items as unknown[]).length).toBe(before);
  });

  it('requires a signed-in user', async () => {
    const reply = await fetch(`${server.url}/api/v1/me/views`);
    expect(reply.status).toBe(401);
  });
});
