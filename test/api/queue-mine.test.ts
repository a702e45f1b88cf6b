import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

describe.each(STORE_KINDS)('queue: "my groups and me" (assignee=mine) (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let euResolver: Client;
  let chResolver: Client;
  let groups: { id: string; name: string; kind: string; party: string }[] = [];
  const refs = async (who: Client, query: string) =>
    ((await who.get(`/tickets?${query}`)).body.items as { ref: string }[]).map((t) => t.ref);

  beforeAll(async () => {
    server = await startTestServer(kind);
    euAgent = await signIn(server.url, 'eu.agent');
    euResolver = await signIn(server.url, 'eu.resolver');
    chResolver = await signIn(server.url, 'ch.resolver');
    const parties = (await euAgent.get('/parties')).body.items as {
      id: string;
      groups: { id: string; name: string; kind: string }[];
    }[];
    groups = parties.flatMap((p) => p.groups.map((g) => ({ ...g, party: p.id })));
  });
  afterAll(() => server.close());

  it('lists the tickets of my groups and those assigned to me, under the visibility rule', async () => {
    const resolvers = groups.find((g) => g.party === 'EU' && g.kind !== 'desk' && g.name.includes('Operations'))!;
    const desk = groups.find((g) => g.party === 'EU' && g.kind === 'desk')!;
    const me = ((await euResolver.get('/me')).body as { user: { id: string } }).user.id;
    const inGroup = (await euAgent.post('/incidents', incidentBody({ title: 'Queue: resolver group' }))).body.ref;
    await euAgent.post(`/tickets/${inGroup}/actions/assign`, { groupId: resolvers.id });
    const atDesk = (await euAgent.post('/incidents', incidentBody({ title: 'Queue: desk only' }))).body.ref;
    await euAgent.post(`/tickets/${atDesk}/actions/assign`, { groupId: desk.id });
    const toMe = (await euAgent.post('/incidents', incidentBody({ title: 'Queue: to me' }))).body.ref;
    await euAgent.post(`/tickets/${toMe}/actions/assign`, { groupId: resolvers.id, assigneeId: me });

    const mine = await refs(euResolver, 'assignee=mine');
    expect(mine).toEqual(expect.arrayContaining([inGroup, toMe]));
    expect(mine).not.toContain(atDesk);
    expect(await refs(euResolver, 'assignee=me')).toEqual([toMe]);
    // The desk agent's groups hold the desk ticket, not the resolver group's.
    const agentMine = await refs(euAgent, 'assignee=mine');
    expect(agentMine).toContain(atDesk);
    expect(agentMine).not.toContain(inGroup);
    // Another party's resolver sees none of them: visibility first.
    const chMine = await refs(chResolver, 'assignee=mine');
    expect(chMine.filter((r) => [inGroup, atDesk, toMe].includes(r))).toEqual([]);
  });

  it('sorts by last update', async () => {
    const first = (await euAgent.post('/incidents', incidentBody({ title: 'Queue: older' }))).body.ref;
    const second = (await euAgent.post('/incidents', incidentBody({ title: 'Queue: newer' }))).body.ref;
    await euAgent.post(`/tickets/${first}/actions/comment`, { body: 'touched', visibility: 'internal' });
    const byUpdate = await refs(euAgent, 'sort=-updatedAt&limit=5');
    expect(byUpdate.indexOf(first)).toBeLessThan(byUpdate.indexOf(second));
  });

  it('refuses an unknown assignee value, naming the field', async () => {
    const reply = await euAgent.get('/tickets?assignee=ours');
    expect(reply.status).toBe(400);
    expect(reply.body.error.field).toBe('assignee');
  });
});
