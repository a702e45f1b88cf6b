import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { incidentBody, type Client } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

/** ISM-4: every read path is tried as another party's user and as a user without clearance. */
describe.each(STORE_KINDS)('visibility (%s)', (kind) => {
  let euOnly: { id: string; ref: string };
  let sensitive: { id: string; ref: string };
  const marker = `zebracorn${Date.now()}`;

  const { as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euJunior = as('eu.agent2'); // LIMITED clearance
  const euAuditor = as('eu.auditor');
  const chAgent = as('ch.agent');
  const euSecurity = as('eu.security');
  const euManager = as('eu.manager'); // level 3, SENSITIVE: no team restriction applies to them
  const chManager = as('ch.manager');
  beforeAll(async () => {
    euOnly = (await euAgent.post('/incidents', incidentBody({ title: `EU only ${marker}` }))).body;
    sensitive = (
      await euAgent.post('/incidents', incidentBody({ title: `Sensitive ${marker}`, sensitivity: 'SENSITIVE' }))
    ).body;
  });

  const refsOf = async (client: Client, query: string) => {
    const { body } = await client.get(`/tickets?${query}`);
    return { refs: body.items.map((t: { ref: string }) => t.ref) as string[], total: body.total as number };
  };

  it("hides a party's ticket from the other party on every path (404, list, count, filter, search)", async () => {
    for (const key of [euOnly.id, euOnly.ref]) {
      const got = await chAgent.get(`/tickets/${key}`);
      expect(got.status).toBe(404);
      expect(got.body.error.code).toBe('ticket.not_found');
    }
    expect(
      (await chAgent.post(`/tickets/${euOnly.ref}/actions/comment`, { body: 'x', visibility: 'shared' })).status,
    ).toBe(404);
    expect((await chAgent.patch(`/tickets/${euOnly.ref}`, { version: 1, title: 'hijack' })).status).toBe(404);
    const search = await refsOf(chAgent, `q=${marker}`);
    expect(search).toEqual({ refs: [], total: 0 });
    const filtered = await refsOf(chAgent, 'owner=EU');
    expect(filtered.refs).not.toContain(euOnly.ref);
    expect(filtered.total).toBe(filtered.refs.length);
    const all = await refsOf(chAgent, 'limit=200');
    expect(all.refs.every((ref) => ref.startsWith('CH-'))).toBe(true);
  });

  it('hides a ticket above the user’s clearance, even inside the same party', async () => {
    expect((await euJunior.get(`/tickets/${sensitive.ref}`)).status).toBe(404);
    expect(
      (await euJunior.post(`/tickets/${sensitive.ref}/actions/comment`, { body: 'x', visibility: 'shared' })).status,
    ).toBe(404);
    const search = await refsOf(euJunior, `q=${marker}`);
    expect(search.refs).toEqual([euOnly.ref]);
    expect(search.total).toBe(1);
    const agentSearch = await refsOf(euAgent, `q=${marker}`);
    expect(agentSearch.refs.sort()).toEqual([euOnly.ref, sensitive.ref].sort());
    expect((await euJunior.post('/incidents', incidentBody({ sensitivity: 'SENSITIVE' }))).status).toBe(403);
  });

  // Issue 16: a ticket read's statements are built once per visibility key (policies/ticket-visibility.ts) and
  // reused by every reader with the same key. Level-3 roles and auditors share theirs with their party's peers of
  // the same clearance, so each pair below differs in one thing the key must name; the reader with more rights
  // reads first, and a key that left that thing out would hand the second reader the first one's statement.
  it('answers each reader with their own rights after a reader with more rights read the same ticket', async () => {
    // Clearance: an auditor (CRITICAL) reads, then a level-3 manager (SENSITIVE) of the same party.
    const critical = await euSecurity.post(
      '/incidents',
      incidentBody({ title: `Critical ${marker}`, sensitivity: 'CRITICAL' }),
    );
    expect(critical.status).toBe(201);
    for (const key of [critical.body.id, critical.body.ref]) {
      expect((await euAuditor.get(`/tickets/${key}`)).status).toBe(200);
      expect((await euManager.get(`/tickets/${key}`)).status).toBe(404);
    }
    // Party: EU's manager reads, then CH's.
    expect((await euManager.get(`/tickets/${euOnly.ref}`)).status).toBe(200);
    expect((await chManager.get(`/tickets/${euOnly.ref}`)).status).toBe(404);
    // Team: a security incident restricted to EU's incident team; the manager bypasses it, the declaring agent does not.
    const incident = (await euAgent.post('/incidents', incidentBody())).body.ref;
    const declared = await euAgent.post(`/tickets/${incident}/actions/declare_security_incident`, {
      title: `Intrusion ${marker}`,
    });
    expect(declared.status).toBe(201);
    const users = (await euSecurity.get('/users?party=EU')).body.items as { username: string; id: string }[];
    const imt = users.find((user) => user.username === 'eu.imt')!.id;
    const team = await euSecurity.post(`/tickets/${declared.body.ref}/actions/form_team`, { members: [imt] });
    expect(team.status).toBe(200);
    expect((await euManager.get(`/tickets/${declared.body.ref}`)).status).toBe(200);
    expect((await euAgent.get(`/tickets/${declared.body.ref}`)).status).toBe(404);
    // Links: a SENSITIVE problem of a LIMITED incident, read by the manager, then by CH's manager once CH shares the incident.
    const problem = await euAgent.post('/problems', {
      title: `Problem ${marker}`,
      service: 'link',
      impact: 'I2',
      sensitivity: 'SENSITIVE',
      incidents: [incident],
    });
    expect(problem.status).toBe(201);
    // Timeline: EU's internal note on the same incident, read by EU first, then by CH.
    await euAgent.post(`/tickets/${incident}/actions/comment`, { body: `EU note ${marker}`, visibility: 'internal' });
    await euAgent.post(`/tickets/${incident}/actions/transfer`, { party: 'CH' });
    const read = async (client: Client) => (await client.get(`/tickets/${incident}`)).body;
    const asEu = await read(euManager);
    const asCh = await read(chManager);
    expect(asEu.links.map((l: { ticket: { ref: string } }) => l.ticket.ref)).toContain(problem.body.ref);
    expect(asCh.links.map((l: { ticket: { ref: string } }) => l.ticket.ref)).not.toContain(problem.body.ref);
    const comments = (detail: { timeline: { kind: string }[] }) => detail.timeline.filter((e) => e.kind === 'comment');
    expect(comments(asEu)).toHaveLength(1);
    expect(comments(asCh)).toEqual([]);
  });

  it('answers 404 for a forged or unknown identifier, and 400 for garbage', async () => {
    expect((await euAgent.get(`/tickets/${randomUUID()}`)).status).toBe(404);
    expect((await euAgent.get('/tickets/EU-INC-2099-999999')).status).toBe(404);
    expect((await euAgent.get('/tickets?assignee=not-a-uuid')).status).toBe(400);
  });

  it('shows internal comments only to the owning party', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody());
    await euAgent.post(`/tickets/${body.ref}/actions/comment`, {
      body: 'EU internal: suspect CH firewall',
      visibility: 'internal',
    });
    await euAgent.post(`/tickets/${body.ref}/actions/comment`, {
      body: 'Shared: please check your firewall',
      visibility: 'shared',
    });
    await euAgent.post(`/tickets/${body.ref}/actions/transfer`, { party: 'CH' });
    const asCh = await chAgent.get(`/tickets/${body.ref}`);
    expect(asCh.status).toBe(200);
    const chComments = asCh.body.timeline
      .filter((e: { kind: string }) => e.kind === 'comment')
      .map((e: { data: { body: string } }) => e.data.body);
    expect(chComments).toEqual(['Shared: please check your firewall']);
    const asEu = await euAgent.get(`/tickets/${body.ref}`);
    expect(asEu.body.timeline.filter((e: { kind: string }) => e.kind === 'comment')).toHaveLength(2);
  });

  it('keeps another party’s internal notes inside that party', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody());
    await euAgent.post(`/tickets/${body.ref}/actions/transfer`, { party: 'CH' });
    expect(
      (
        await chAgent.post(`/tickets/${body.ref}/actions/comment`, {
          body: 'CH internal: our FW rule 17 is wrong',
          visibility: 'internal',
        })
      ).status,
    ).toBe(200);
    const notes = async (client: Client) =>
      (await client.get(`/tickets/${body.ref}`)).body.timeline
        .filter((e: { kind: string }) => e.kind === 'comment')
        .map((e: { data: { body: string } }) => e.data.body);
    expect(await notes(chAgent)).toEqual(['CH internal: our FW rule 17 is wrong']);
    expect(await notes(euAgent)).toEqual([]);
  });

  it("lets only the owning party change a ticket's classification, even while another party holds it", async () => {
    const { body } = await euAgent.post('/incidents', incidentBody({ sensitivity: 'SENSITIVE' }));
    const moved = await euAgent.post(`/tickets/${body.ref}/actions/transfer`, { party: 'CH' });
    const declassify = await chAgent.patch(`/tickets/${body.ref}`, {
      version: moved.body.version,
      sensitivity: 'LIMITED',
    });
    expect(declassify.status).toBe(403);
    expect(declassify.body.error.field).toBe('sensitivity');
    expect(
      (
        await chAgent.patch(`/tickets/${body.ref}`, {
          version: moved.body.version,
          priority: 'P1',
          priorityReason: 'x',
        })
      ).status,
    ).toBe(403);
    const retitled = await chAgent.patch(`/tickets/${body.ref}`, {
      version: moved.body.version,
      title: 'Precise title from CH',
    });
    expect(retitled.status).toBe(200);
    const reassessed = await euAgent.patch(`/tickets/${body.ref}`, { version: retitled.body.version, impact: 'I1' });
    expect(reassessed.body).toMatchObject({ impact: 'I1', sensitivity: 'SENSITIVE', holderParty: 'CH' });
  });

  it('lets an auditor read but not act', async () => {
    const got = await euAuditor.get(`/tickets/${sensitive.ref}`);
    expect(got.status).toBe(200);
    expect(got.body.allowedActions).toEqual([]);
    expect(
      (await euAuditor.post(`/tickets/${sensitive.ref}/actions/comment`, { body: 'x', visibility: 'shared' })).status,
    ).toBe(403);
    expect((await euAuditor.post('/incidents', incidentBody())).status).toBe(403);
  });

  it('declares a linked security incident at least SENSITIVE, hidden from users without clearance', async () => {
    const { body } = await euJunior.post('/incidents', incidentBody({ title: 'Odd transfers' }));
    const declared = await euJunior.post(`/tickets/${body.ref}/actions/declare_security_incident`, {});
    expect(declared.status).toBe(201);
    // The LIMITED declarer gets the number as confirmation, nothing more.
    expect(Object.keys(declared.body).sort()).toEqual(['id', 'ref', 'status', 'type']);
    expect(declared.body.ref).toMatch(/^EU-SEC-/);
    expect((await euJunior.get(`/tickets/${declared.body.ref}`)).status).toBe(404);
    const source = await euJunior.get(`/tickets/${body.ref}`);
    expect(source.body.links).toEqual([]);
    expect(source.body.timeline.some((e: { kind: string }) => e.kind === 'linked')).toBe(false);
    const asAgent = await euAgent.get(`/tickets/${declared.body.ref}`);
    expect(asAgent.body).toMatchObject({ type: 'security', sensitivity: 'SENSITIVE', escalationLevel: 3 });
    expect(asAgent.body.links[0]).toMatchObject({ kind: 'security_incident_of', ticket: { ref: body.ref } });
    const critical = await euAgent.post(`/tickets/${body.ref}/actions/declare_security_incident`, {
      sensitivity: 'CRITICAL',
    });
    expect(critical.body.id).toBeDefined();
    expect((await euAgent.get(`/tickets/${critical.body.ref}`)).status).toBe(404);
  });
});
