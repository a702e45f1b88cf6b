import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindRegulatoryDeadlines } from '../../src/jobs/regulatory-reminders.ts';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

type Users = Record<string, Client>;
const NAMES = [
  'eu.agent',
  'eu.agent2',
  'eu.security',
  'eu.imt',
  'eu.manager',
  'eu.auditor',
  'eu.resolver',
  'ch.agent',
  'ch.security',
  'ch.imt',
] as const;

describe.each(STORE_KINDS)('security incidents with nothing leaking (%s)', (kind) => {
  let server: TestServer;
  const u: Users = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(kind);
    for (const name of NAMES) u[name] = await signIn(server.url, name);
    for (const party of ['EU', 'CH'])
      for (const user of (await u[`${party.toLowerCase()}.security`]!.get(`/users?party=${party}`)).body.items)
        ids[user.username] = user.id;
  });
  afterAll(() => server.close());

  /** Every way a user could learn of a ticket: read, list, search, count, notifications, reports, STIX. */
  async function learns(who: Client, ref: string, title: string): Promise<string[]> {
    const seen: string[] = [];
    if ((await who.get(`/tickets/${ref}`)).status === 200) seen.push('get');
    if ((await who.get('/tickets?type=security')).body.items?.some((t: { ref: string }) => t.ref === ref))
      seen.push('list');
    if (
      (await who.get(`/tickets?q=${encodeURIComponent(title.split(' ')[0]!)}`)).body.items?.some(
        (t: { ref: string }) => t.ref === ref,
      )
    )
      seen.push('search');
    if (JSON.stringify((await who.get('/notifications')).body).includes(ref)) seen.push('notifications');
    if (
      (await who.post(`/tickets/${ref}/actions/comment`, { body: `probe ${Math.random()}`, visibility: 'shared' }))
        .status === 200
    )
      seen.push('comment');
    return seen;
  }

  it('runs a security incident from declaration to final report, visible only to its team, level 3 and auditors', async () => {
    const incident = (await u['eu.agent']!.post('/incidents', incidentBody({ title: 'Odd transfers on the link' })))
      .body.ref;
    await u['eu.agent']!.post(`/tickets/${incident}/actions/transfer`, { party: 'CH', reason: 'CH endpoint' });
    const declared = await u['eu.agent']!.post(`/tickets/${incident}/actions/declare_security_incident`, {
      title: 'Zanzibar intrusion on the link',
    });
    expect(declared.status).toBe(201);
    const ref: string = declared.body.ref;
    expect(declared.body).toMatchObject({
      type: 'security',
      sensitivity: 'SENSITIVE',
      escalationLevel: 3,
      tlp: 'AMBER',
      participants: ['EU', 'CH'],
    });

    // The team must be cleared ETS CRITICAL and belong to a party on the incident.
    const uncleared = await u['eu.security']!.post(`/tickets/${ref}/actions/form_team`, {
      members: [ids['eu.imt'], ids['eu.agent']],
    });
    expect(uncleared.body.error).toMatchObject({ code: 'user.not_found', field: 'members.1' });
    expect((await u['eu.agent']!.post(`/tickets/${ref}/actions/form_team`, { members: [ids['eu.imt']] })).status).toBe(
      403,
    );
    const formed = await u['eu.security']!.post(`/tickets/${ref}/actions/form_team`, {
      members: [ids['eu.imt'], ids['ch.imt']],
    });
    expect(formed.status).toBe(200);
    expect(formed.body.team).toEqual(expect.arrayContaining([ids['eu.imt'], ids['ch.imt'], ids['eu.security']]));

    // Outside the team, nothing: not the declaring agent, not the other party's desk, not a resolver.
    for (const outsider of ['eu.agent', 'ch.agent', 'eu.resolver', 'eu.agent2'])
      expect(await learns(u[outsider]!, ref, 'Zanzibar intrusion')).toEqual([]);
    expect((await u['eu.imt']!.get(`/tickets/${ref}`)).status).toBe(200);
    expect((await u['ch.imt']!.get(`/tickets/${ref}`)).status).toBe(200);
    expect((await u['eu.auditor']!.get(`/tickets/${ref}`)).status).toBe(200);
    // The incident it came from no longer names it for those outside the team.
    expect(JSON.stringify((await u['eu.agent']!.get(`/tickets/${incident}`)).body)).not.toContain(ref);

    // Characterising opens the investigation: ETS CRITICAL (RED) by itself; the parties' policies notify their security officers.
    const characterised = await u['eu.imt']!.post(`/tickets/${ref}/actions/characterise`, {
      taxonomyClass: 'intrusions',
      taxonomyType: 'system-compromise',
      severity: 'high',
      impact: 'I2',
      personalData: false,
      ciaAffected: ['confidentiality'],
    });
    expect(characterised.status).toBe(200);
    expect(characterised.body).toMatchObject({
      status: 'characterised',
      sensitivity: 'CRITICAL',
      tlp: 'RED',
      details: { taxonomy: { class: 'intrusions', type: 'system-compromise' } },
    });
    expect(characterised.body.details.clocks.map((c: { stage: string }) => c.stage)).toEqual([
      'early_warning',
      'notification',
      'final_report',
    ]);
    expect((await u['ch.security']!.get('/notifications')).body.items.map((n: { kind: string }) => n.kind)).toContain(
      'security_incident',
    );
    const badType = await u['eu.imt']!.post(`/tickets/${ref}/actions/characterise`, {
      taxonomyClass: 'intrusions',
      taxonomyType: 'phishing',
      severity: 'high',
      impact: 'I2',
      personalData: false,
      ciaAffected: [],
    });
    expect(badType.body.error.field).toBe('taxonomyType');
    // The level manager (L3) is not cleared CRITICAL: the incident is now out of their sight.
    expect((await u['eu.manager']!.get(`/tickets/${ref}`)).status).toBe(404);

    // Only the security officer reclassifies, and never below CRITICAL while investigating.
    const version = () => u['eu.security']!.get(`/tickets/${ref}`).then((r) => r.body.version as number);
    expect(
      (await u['eu.imt']!.patch(`/tickets/${ref}`, { version: await version(), sensitivity: 'SENSITIVE' })).status,
    ).toBe(403);
    const tooEarly = await u['eu.security']!.patch(
      `/tickets/${ref}`,
      { version: await version(), sensitivity: 'SENSITIVE', sensitivityReason: 'Trop tôt' },
      { 'accept-language': 'fr' },
    );
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error.message).toContain('ETS CRITICAL');

    // C/I/A analysis against the inventory: only assets the analyst may see.
    const asset = await u['eu.security']!.post('/assets', {
      name: 'Transaction log',
      owner: 'EU registry',
      confidentiality: 'MEDIUM',
      integrity: 'MEDIUM',
      availability: 'LOW',
    });
    expect(asset.status).toBe(201);
    const analysis = {
      impacts: [
        {
          assetId: asset.body.id,
          confidentiality: 'partial',
          integrity: 'none',
          availability: 'none',
          consequences: { EU: 'Transfers exposed', CH: 'None' },
        },
      ],
      initialMeasures: 'Link suspended',
      followUpMeasures: 'Rotate keys',
      resources: 'Two engineers for a week',
    };
    expect((await u['ch.imt']!.post(`/tickets/${ref}/actions/record_analysis`, analysis)).body.error.field).toBe(
      'impacts.0.assetId',
    );
    const analysed = await u['eu.imt']!.post(`/tickets/${ref}/actions/record_analysis`, analysis);
    expect(analysed.body).toMatchObject({
      status: 'analysed',
      details: { impacts: [{ assetName: 'Transaction log' }] },
    });
    // CH's team member reads the losses, not the name of an asset of EU's own inventory.
    expect((await u['ch.imt']!.get(`/tickets/${ref}`)).body.details.impacts[0]).toMatchObject({
      assetId: null,
      assetName: null,
      confidentiality: 'partial',
    });

    await u['eu.imt']!.post(`/tickets/${ref}/actions/add_follow_up`, {
      kind: 'weakness',
      description: 'Unpatched VPN appliance',
      exploitable: true,
    });
    await u['eu.imt']!.post(`/tickets/${ref}/actions/contain`, { summary: 'Compromised host isolated' });
    const recovered = await u['ch.imt']!.post(`/tickets/${ref}/actions/recover`, {
      summary: 'Host rebuilt',
      linkDisconnected: true,
      registryTeamsInformed: true,
    });
    expect(recovered.body).toMatchObject({
      status: 'recovered',
      sensitivity: 'CRITICAL',
      details: { recovery: { linkReconnectedAt: expect.any(String) } },
    });
    // An exploitable weakness still open keeps it CRITICAL.
    expect(
      (
        await u['eu.security']!.patch(`/tickets/${ref}`, {
          version: await version(),
          sensitivity: 'SENSITIVE',
          sensitivityReason: 'Weakness still open',
        })
      ).status,
    ).toBe(400);
    const weakness = (await u['eu.security']!.get(`/tickets/${ref}`)).body.details.followUps[0].id;
    await u['eu.imt']!.post(`/tickets/${ref}/actions/complete_follow_up`, { id: weakness, note: 'Patched' });
    const lowered = await u['eu.security']!.patch(`/tickets/${ref}`, {
      version: await version(),
      sensitivity: 'SENSITIVE',
      sensitivityReason: 'Investigation over, weakness patched',
    });
    expect(lowered.body).toMatchObject({ sensitivity: 'SENSITIVE', tlp: 'AMBER' });

    // Regulatory stages in order, each recorded with its content.
    expect(
      (
        await u['eu.security']!.post(`/tickets/${ref}/actions/notify_authority`, {
          stage: 'notification',
          recipient: 'CSIRT',
          content: 'x',
        })
      ).body.error.field,
    ).toBe('stage');
    await u['eu.security']!.post(`/tickets/${ref}/actions/notify_authority`, {
      stage: 'early_warning',
      recipient: 'National CSIRT',
      content: 'Early warning sent',
    });
    const clocks = (await u['eu.security']!.get(`/tickets/${ref}`)).body.details.clocks;
    expect(clocks[0]).toMatchObject({ stage: 'early_warning', state: 'sent' });

    // The response report goes to level 3 only.
    expect((await u['eu.imt']!.post(`/tickets/${ref}/actions/issue_response_report`, {})).status).toBe(403);
    expect((await u['eu.security']!.post(`/tickets/${ref}/actions/issue_response_report`, {})).body.status).toBe(
      'reported',
    );
    const json = await u['eu.security']!.get(`/tickets/${ref}/reports/response.json`);
    expect(json.body).toMatchObject({
      ref,
      classification: { ets: 'SENSITIVE', tlp: 'AMBER' },
      registryTeamsInformed: true,
      linkReconnectedAt: expect.any(String),
    });
    const pdf = await fetch(`${server.url}/api/v1/tickets/${ref}/reports/response.pdf`, {
      headers: {
        authorization: `Bearer ${(await u['eu.security']!.post('/me/tokens', { name: 'reports' })).body.token}`,
      },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    for (const reader of ['eu.imt', 'eu.auditor', 'ch.agent'])
      expect((await u[reader]!.get(`/tickets/${ref}/reports/response.json`)).status).toBe(403);
    expect((await u['ch.security']!.get(`/tickets/${ref}/reports/response.json`)).status).toBe(200);

    // Closure needs the final report and every follow-up done.
    expect((await u['eu.security']!.post(`/tickets/${ref}/actions/close`, {})).body.error.field).toBe('finalReport');
    await u['eu.security']!.post(`/tickets/${ref}/actions/issue_final_report`, {});
    await u['eu.imt']!.post(`/tickets/${ref}/actions/add_follow_up`, {
      kind: 'training',
      description: 'Phishing awareness for operators',
    });
    expect((await u['eu.security']!.post(`/tickets/${ref}/actions/close`, { note: 'done' })).body.error.field).toBe(
      'followUps.1',
    );
    const training = (await u['eu.security']!.get(`/tickets/${ref}`)).body.details.followUps[1].id;
    await u['eu.imt']!.post(`/tickets/${ref}/actions/complete_follow_up`, { id: training });
    expect((await u['ch.security']!.post(`/tickets/${ref}/actions/close`, {})).status).toBe(403);
    expect((await u['eu.security']!.post(`/tickets/${ref}/actions/close`, { note: 'closed' })).body.status).toBe(
      'closed',
    );
    expect((await u['eu.security']!.get(`/tickets/${ref}/reports/final.json`)).body.followUps).toHaveLength(2);
  });

  it('maps a party’s national scale to the common severity, and nothing else', async () => {
    const policy = (await u['eu.security']!.get('/parties/EU/security-policy')).body;
    expect(policy).toMatchObject({ notifyImpacts: ['I1', 'I2'], notifyPersonalData: true });
    expect((await u['ch.security']!.get('/parties/EU/security-policy')).status).toBe(404);
    expect(
      (await u['eu.agent']!.put('/parties/EU/security-policy', { ...policy, severityScale: { N1: 'low' } })).status,
    ).toBe(403);
    expect(
      (await u['eu.security']!.put('/parties/EU/security-policy', { ...policy, severityScale: { constructor: 'low' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await u['eu.security']!.put('/parties/EU/security-policy', {
          ...policy,
          severityScale: { 'Niveau 1': 'low', 'Niveau 4': 'critical' },
        })
      ).status,
    ).toBe(200);
    const ref = (
      await u['eu.security']!.post('/security-incidents', {
        title: 'Scale drill',
        service: 'link',
        impact: 'I3',
        criticality: 'C3',
      })
    ).body.ref;
    const body = { taxonomyClass: 'test', taxonomyType: 'test', impact: 'I3', personalData: false, ciaAffected: [] };
    expect(
      (
        await u['eu.security']!.post(`/tickets/${ref}/actions/characterise`, {
          ...body,
          nationalSeverity: 'constructor',
        })
      ).body.error.field,
    ).toBe('nationalSeverity');
    expect(
      (await u['eu.security']!.post(`/tickets/${ref}/actions/characterise`, { ...body, nationalSeverity: 'Niveau 4' }))
        .body.details,
    ).toMatchObject({ severity: 'critical', national: { party: 'EU', level: 'Niveau 4' } });
  });

  it('reminds the security officers before each regulatory deadline, once', async () => {
    const created = await u['eu.security']!.post('/security-incidents', {
      title: 'Deadline drill',
      service: 'link',
      impact: 'I3',
      criticality: 'C3',
    });
    const ref = created.body.ref;
    await u['eu.security']!.post(`/tickets/${ref}/actions/characterise`, {
      taxonomyClass: 'test',
      taxonomyType: 'test',
      severity: 'low',
      impact: 'I3',
      personalData: false,
      ciaAffected: [],
    });
    const in20h = new Date(Date.now() + 20 * 3_600_000);
    expect(await remindRegulatoryDeadlines(server.db, server.instanceId, false, in20h)).toBeGreaterThanOrEqual(1);
    expect(await remindRegulatoryDeadlines(server.db, server.instanceId, false, in20h)).toBe(0);
    const notes = (await u['eu.security']!.get('/notifications')).body.items.filter(
      (n: { kind: string; ticketRef: string }) => n.kind === 'regulatory_deadline' && n.ticketRef === ref,
    );
    expect(notes).toHaveLength(1);
    expect(
      (await u['eu.agent']!.get('/notifications')).body.items.some((n: { ticketRef: string }) => n.ticketRef === ref),
    ).toBe(false);
  });
});
