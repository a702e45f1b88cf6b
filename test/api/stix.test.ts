import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP_MARKINGS } from '../../src/domain/stix.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { incidentWithIndicators } from '../helpers/security-incident.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

type StixObject = Record<string, unknown> & { type: string; id: string };

/** ISM-5: a security incident exported as a STIX 2.1 bundle, marked TLP 2.0 from its ETS level. */
describe('STIX 2.1 export of a security incident', () => {
  let server: TestServer;
  let euSecurity: Client;
  let ref: string;
  let ticketId: string;

  beforeAll(async () => {
    server = await startTestServer();
    euSecurity = await signIn(server.url, 'eu.security');
    ({ ref, id: ticketId } = await incidentWithIndicators(euSecurity));
  });
  afterAll(() => server.close());

  const exportOf = async (client: Client) => client.get(`/tickets/${ref}/stix`);

  it('answers a STIX 2.1 bundle with the incident, identities, indicators and relationships', async () => {
    const reply = await exportOf(euSecurity);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/stix\+json;\s*version="?2\.1"?/);
    const bundle = reply.body as { type: string; id: string; objects: StixObject[] };
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--/);
    const byType = (type: string) => bundle.objects.filter((o) => o.type === type);

    const [incident] = byType('incident');
    expect(incident).toMatchObject({
      spec_version: '2.1',
      name: 'Registry node compromised',
      description: 'Outbound beacons to a known C2 address',
      external_references: [{ source_name: 'passerelle', external_id: ref }],
    });
    expect(incident!.labels).toEqual(['rsit:intrusions="system-compromise"', 'severity:high']);

    const identities = byType('identity');
    expect(identities.map((i) => [i.name, i.identity_class])).toEqual([
      ['Passerelle', 'system'],
      [expect.any(String), 'organization'],
    ]);
    const creator = identities[0]!.id;
    for (const o of bundle.objects.filter((o) => o.type !== 'marking-definition'))
      expect(o.created_by_ref).toBe(creator);

    const indicators = byType('indicator');
    expect(indicators.map((i) => i.pattern)).toEqual([
      "[ipv4-addr:value = '198.51.100.7']",
      "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
    ]);
    for (const i of indicators)
      expect(i).toMatchObject({ pattern_type: 'stix', valid_from: expect.stringMatching(/Z$/) });
    const relationships = byType('relationship');
    expect(relationships.map((r) => [r.relationship_type, r.source_ref, r.target_ref])).toEqual(
      indicators.map((i) => ['indicates', i.id, incident!.id]),
    );

    // No person's name, nothing of the ticket's own internal identifier.
    const text = JSON.stringify(bundle);
    expect(text).not.toMatch(/Security Officer|eu\.security/);
    expect(text).not.toContain(ticketId);
  });

  it('marks every object TLP:RED once characterising has raised the incident to ETS CRITICAL', async () => {
    expect((await euSecurity.get(`/tickets/${ref}`)).body.sensitivity).toBe('CRITICAL');
    const bundle = (await exportOf(euSecurity)).body as { objects: StixObject[] };
    const markings = bundle.objects.filter((o) => o.type === 'marking-definition');
    expect(markings).toEqual([TLP_MARKINGS.RED]);
    expect(markings[0]!.id).toBe('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1');
    for (const o of bundle.objects.filter((o) => o.type !== 'marking-definition'))
      expect(o.object_marking_refs).toEqual([TLP_MARKINGS.RED.id]);
  });

  it('gives the same objects on every export, only the bundle id changes', async () => {
    const [a, b] = [(await exportOf(euSecurity)).body, (await exportOf(euSecurity)).body];
    expect(a.objects).toEqual(b.objects);
    expect(a.id).not.toBe(b.id);
  });

  it('is for level 3 and the team only; hidden incidents stay 404', async () => {
    const [chAgent, euJunior, euImt, euAuditor, euManager, chSecurity] = (await Promise.all(
      ['ch.agent', 'eu.agent2', 'eu.imt', 'eu.auditor', 'eu.manager', 'ch.security'].map((u) => signIn(server.url, u)),
    )) as [Client, Client, Client, Client, Client, Client];
    expect((await exportOf(chAgent)).status).toBe(404); // other party, not on the incident
    expect((await exportOf(chSecurity)).status).toBe(404); // level 3 of a party not on it
    expect((await exportOf(euJunior)).status).toBe(404); // LIMITED clearance
    expect((await exportOf(euAuditor)).status).toBe(403); // sees it, may not export it
    expect((await exportOf(euManager)).status).toBe(404); // level 3 but cleared SENSITIVE only: the incident is CRITICAL

    const users = (await euSecurity.get('/users?party=EU')).body.items as { id: string; username: string }[];
    const imtId = users.find((u) => u.username === 'eu.imt')!.id;
    const securityId = users.find((u) => u.username === 'eu.security')!.id;
    // Before the team is formed an IMT member cleared CRITICAL sees the incident but is neither level 3 nor on a team.
    expect((await exportOf(euImt)).status).toBe(403);
    expect((await euSecurity.post(`/tickets/${ref}/actions/form_team`, { members: [securityId] })).status).toBe(200);
    expect((await exportOf(euImt)).status).toBe(404); // restricted to a team it is not on
    expect((await euSecurity.post(`/tickets/${ref}/actions/form_team`, { members: [imtId] })).status).toBe(200);
    const asMember = await exportOf(euImt);
    expect(asMember.status).toBe(200);
    expect((await exportOf(euSecurity)).status).toBe(200);
    expect(asMember.body.objects).toEqual((await exportOf(euSecurity)).body.objects);
  });

  it('is only for security incidents', async () => {
    const agent = await signIn(server.url, 'eu.security');
    const incident = await agent.post('/incidents', {
      title: 'Link endpoint down',
      service: 'Link',
      impact: 'I2',
      criticality: 'C1',
    });
    expect(incident.status).toBe(201);
    expect((await agent.get(`/tickets/${incident.body.ref}/stix`)).status).toBe(404);
  });
});
