import { connect } from 'node:net';
import { and, desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { forgetAllowlists } from '../../src/services/access/allowlist-cache.ts';
import { createUser } from '../../src/services/parties/create-user.ts';
import { insertAllowlistEntry } from '../../src/store/access.ts';
import { auditLog } from '../../src/store/schema/index.ts';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

/** Signs in through the API from `address` (the server trusts X-Forwarded-For); the raw answer. */
async function login(url: string, body: Record<string, unknown>, address = '192.0.2.1') {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** The issue-11 attack, replayed: each finding through the path that broke, from the other party's seat or a lower clearance. */
describe.each(STORE_KINDS)('security findings of the attack on a fresh instance (%s)', (kind) => {
  let server: TestServer;
  const u: Record<string, Client> = {};
  const ids: Record<string, string> = {};
  const groups: Record<string, string> = {};
  const NAMES = [
    'eu.agent',
    'eu.agent2',
    'eu.security',
    'eu.imt',
    'eu.resolver',
    'eu.admin',
    'ch.agent',
    'ch.security',
    'ch.imt',
  ];

  beforeAll(async () => {
    server = await startTestServer(kind, { TRUST_PROXY: 'true' });
    // A security officer who also administers EU's accounts (not in the demo).
    await createUser(server.db, {
      party: 'EU',
      username: 'eu.secadmin',
      displayName: 'EU Security Administrator',
      password: DEMO_PASSWORD,
      roles: ['party_admin', 'security_officer'],
      clearance: 'CRITICAL',
    });
    for (const name of [...NAMES, 'eu.secadmin']) u[name] = await signIn(server.url, name);
    for (const party of ['EU', 'CH'])
      for (const user of (await u[`${party.toLowerCase()}.security`]!.get(`/users?party=${party}`)).body.items)
        ids[user.username] = user.id;
    for (const party of (await u['eu.agent']!.get('/parties')).body.items)
      for (const group of party.groups) groups[`${party.id}.${group.kind}`] = group.id;
  });
  afterAll(() => server.close());

  const version = async (ref: string) => (await u['eu.security']!.get(`/tickets/${ref}`)).body.version as number;

  /** An EU incident transferred to CH and declared a security incident: owned by EU, CH a participant. */
  async function sharedSecurityIncident(title: string): Promise<string> {
    const incident = (await u['eu.agent']!.post('/incidents', incidentBody({ title }))).body.ref;
    await u['eu.agent']!.post(`/tickets/${incident}/actions/transfer`, { party: 'CH', reason: 'CH endpoint' });
    const declared = await u['eu.agent']!.post(`/tickets/${incident}/actions/declare_security_incident`, { title });
    expect(declared.status).toBe(201);
    expect(declared.body.participants).toEqual(['EU', 'CH']);
    return declared.body.ref as string;
  }

  it('1. refuses to apply a known error to a ticket its problem could not be shown to', async () => {
    const problem = await u['eu.agent']!.post('/problems', {
      title: 'Signing key handle exposed',
      service: 'hsm',
      impact: 'I2',
      sensitivity: 'SENSITIVE',
    });
    const published = await u['eu.agent']!.post(`/tickets/${problem.body.ref}/actions/publish_known_error`, {
      symptoms: 'HSM audit warnings',
      cause: 'Key handle left in shared memory',
      workaround: 'Restart the HSM client hourly',
    });
    expect(published.status).toBe(200);
    const knownErrorId = (await u['eu.agent']!.get('/known-errors?q=HSM')).body.items[0].id as string;

    // A LIMITED incident shared with CH: CH's desk and EU's LIMITED agent read it, not the problem.
    const shared = (await u['eu.agent']!.post('/incidents', incidentBody({ title: 'Signing fails at CH' }))).body.ref;
    await u['eu.agent']!.post(`/tickets/${shared}/actions/transfer`, { party: 'CH' });
    await u['ch.agent']!.post(`/tickets/${shared}/actions/transfer`, { party: 'EU', reason: 'EU side' });
    const refused = await u['eu.agent']!.post(`/tickets/${shared}/actions/record_known_error`, { knownErrorId });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'known_error.wider_audience', field: 'knownErrorId' });
    for (const reader of ['ch.agent', 'eu.agent2']) {
      const seen = JSON.stringify((await u[reader]!.get(`/tickets/${shared}`)).body);
      expect(seen).not.toContain('shared memory');
      expect(seen).not.toContain('hourly');
    }
    // EU only but LIMITED: EU's LIMITED agent reads it, so still refused.
    const limited = (await u['eu.agent']!.post('/incidents', incidentBody({ title: 'Signing slow' }))).body.ref;
    expect((await u['eu.agent']!.post(`/tickets/${limited}/actions/record_known_error`, { knownErrorId })).status).toBe(
      409,
    );
    // EU only and SENSITIVE: everyone who reads it may read the problem.
    const covered = (
      await u['eu.agent']!.post('/incidents', incidentBody({ title: 'Signing broken', sensitivity: 'SENSITIVE' }))
    ).body.ref;
    const applied = await u['eu.agent']!.post(`/tickets/${covered}/actions/record_known_error`, { knownErrorId });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ workaround: 'Restart the HSM client hourly' });
  });

  it('2. lets only the owning party form and change its incident team; the other party proposes members', async () => {
    const ref = await sharedSecurityIncident('Beacon traffic on the link');
    // CH's officer proposes before EU formed the team: no team yet, a proposal on the record.
    const proposed = await u['ch.security']!.post(`/tickets/${ref}/actions/form_team`, { members: [ids['ch.imt']] });
    expect(proposed.status, JSON.stringify(proposed.body.error)).toBe(200);
    expect(proposed.body.team).toBeNull();
    expect(proposed.body.details.teamProposals).toEqual([
      expect.objectContaining({ userId: ids['ch.imt'], party: 'CH' }),
    ]);
    expect(proposed.body.timeline.map((e: { kind: string }) => e.kind)).toContain('team_members_proposed');

    const formed = await u['eu.security']!.post(`/tickets/${ref}/actions/form_team`, { members: [ids['eu.imt']] });
    expect(formed.body.team).toEqual([ids['eu.imt'], ids['eu.security']]);
    // The other party can neither replace nor cut the owner's team.
    const cut = await u['ch.security']!.post(`/tickets/${ref}/actions/form_team`, {
      members: [ids['ch.imt']],
      remove: [ids['eu.imt']],
    });
    expect(cut.status).toBe(403);
    const again = await u['ch.security']!.post(`/tickets/${ref}/actions/form_team`, { members: [ids['ch.imt']] });
    expect(again.status).toBe(400);
    expect((await u['eu.security']!.get(`/tickets/${ref}`)).body.team).toEqual([ids['eu.imt'], ids['eu.security']]);
    expect((await u['eu.imt']!.get(`/tickets/${ref}`)).status).toBe(200);

    // The owner accepts the proposal by adding the member: an event, the proposal settled.
    const accepted = await u['eu.security']!.post(`/tickets/${ref}/actions/form_team`, { members: [ids['ch.imt']] });
    expect(accepted.body.team).toEqual([ids['eu.imt'], ids['eu.security'], ids['ch.imt']]);
    expect(accepted.body.details.teamProposals).toEqual([]);
    expect(accepted.body.timeline).toContainEqual(
      expect.objectContaining({ kind: 'team_changed', data: { added: ['CH Incident Responder'], removed: [] } }),
    );
    // Never without a member of the owning party.
    const emptied = await u['eu.security']!.post(`/tickets/${ref}/actions/form_team`, {
      remove: [ids['eu.imt'], ids['eu.security']],
    });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error.message).toContain('owning party');
    const removed = await u['eu.security']!.post(`/tickets/${ref}/actions/form_team`, { remove: [ids['eu.imt']] });
    expect(removed.body.team).toEqual([ids['eu.security'], ids['ch.imt']]);
    expect(removed.body.timeline).toContainEqual(
      expect.objectContaining({ kind: 'team_changed', data: { added: [], removed: ['EU Incident Responder'] } }),
    );
  });

  it('3. bounds the roles an access review grants: level-3 roles by a security officer only, recorded', async () => {
    const review = await u['eu.admin']!.post('/access-reviews');
    expect(review.status).toBe(201);
    const target = ids['eu.agent2']!;
    for (const role of ['imt_member', 'auditor', 'security_officer', 'level_manager', 'sysadmin']) {
      const refused = await u['eu.admin']!.post(`/access-reviews/${review.body.id}/items/${target}`, {
        decision: 'change',
        roles: ['agent', role],
      });
      expect(refused.status, role).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'access_review.role_not_grantable', field: 'roles.1' });
    }
    expect((await u['eu.admin']!.get(`/access-reviews/${review.body.id}`)).body.items).toContainEqual(
      expect.objectContaining({ userId: target, decision: null }),
    );
    expect((await (await signIn(server.url, 'eu.agent2')).get('/me')).body.user.roles).toEqual(['agent']);
    // A security officer who administers the party may grant IMT membership; the grant is on the audit record.
    const granted = await u['eu.secadmin']!.post(`/access-reviews/${review.body.id}/items/${target}`, {
      decision: 'change',
      roles: ['agent', 'imt_member'],
    });
    expect(granted.status).toBe(200);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access_review.change'), eq(auditLog.targetId, target)))
      .orderBy(desc(auditLog.at));
    expect(entry).toMatchObject({
      actorId: ids['eu.secadmin'],
      data: expect.objectContaining({ granted: ['imt_member'] }),
    });
    // The desk's working roles stay an administrator's to hand out.
    const desk = await u['eu.admin']!.post(`/access-reviews/${review.body.id}/items/${ids['eu.resolver']}`, {
      decision: 'change',
      roles: ['resolver', 'requester'],
    });
    expect(desk.status).toBe(200);
  });

  it('4. throttles sign-in per address and account without locking the owner out, and tells the owner', async () => {
    const attacker = '198.51.100.66';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await login(server.url, { username: 'ch.change', password: 'guess' }, attacker)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // The attacker's address is refused even with the right password …
    expect((await login(server.url, { username: 'ch.change', password: DEMO_PASSWORD }, attacker)).status).toBe(429);
    // … while the owner, from an address that has not failed, signs in.
    const owner = await login(server.url, { username: 'ch.change', password: DEMO_PASSWORD }, '203.0.113.20');
    expect(owner.status).toBe(200);
    // A second attacking address gets a few tries only while the account is under attack.
    const second: number[] = [];
    for (let i = 0; i < 5; i++)
      second.push((await login(server.url, { username: 'ch.change', password: 'guess' }, '198.51.100.67')).status);
    expect(second).toEqual([401, 401, 401, 429, 429]);
    const cookie = owner.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const notes = await fetch(`${server.url}/api/v1/notifications`, {
      headers: { cookie, 'accept-language': 'en', 'x-forwarded-for': '203.0.113.20' },
    });
    const items = ((await notes.json()) as { items: { kind: string; subject: string; body: string }[] }).items;
    const alerts = items.filter((n) => n.kind === 'sign_in_failures');
    expect(alerts.length).toBeGreaterThanOrEqual(2);
    expect(alerts.map((n) => n.body).join(' ')).toContain(attacker);
  });

  it('5. sends security headers on every answer, and a sandbox policy on attachment downloads', async () => {
    for (const path of ['/api/health', '/api/v1/tickets', '/api/v1/nothing-here', '/', '/tickets/EU-INC-2026-000001']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      // Plain HTTP without SECURE_COOKIES: no HSTS.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
    const ref = (await u['eu.agent']!.post('/incidents', incidentBody({ title: 'Attachment headers' }))).body.ref;
    const attached = await u['eu.agent']!.post(`/tickets/${ref}/attachments`, {
      name: 'page.html',
      mediaType: 'text/html',
      contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
    });
    expect(attached.status).toBe(201);
    const token = (await u['eu.agent']!.post('/me/tokens', { name: 'downloads' })).body.token as string;
    const download = await fetch(`${server.url}/api/v1/tickets/${ref}/attachments/${attached.body.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-security-policy')).toBe('sandbox');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('6. accepts each TOTP code once per account', async () => {
    const user = u['ch.agent']!;
    const { secret } = (await user.post('/me/totp/setup')).body;
    const now = Math.floor(Date.now() / 1000);
    const first = await generate({ secret, epoch: now });
    expect((await user.post('/me/totp/enable', { code: first })).status).toBe(204);
    // The code that enabled TOTP cannot sign in.
    const replayed = await login(server.url, { username: 'ch.agent', password: DEMO_PASSWORD, totp: first });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe('auth.totp_invalid');
    const next = await generate({ secret, epoch: now + 30 });
    expect((await login(server.url, { username: 'ch.agent', password: DEMO_PASSWORD, totp: next })).status).toBe(200);
    const again = await login(server.url, { username: 'ch.agent', password: DEMO_PASSWORD, totp: next });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('auth.totp_invalid');
  });

  it('8. answers 400 in the error shape to the inputs that answered 500, leaking nothing', async () => {
    const agent = u['eu.agent']!;
    const shape = (reply: { status: number; body: { error?: Record<string, unknown> } }, field: string) => {
      expect(reply.status).toBe(400);
      expect(Object.keys(reply.body)).toEqual(['error']);
      expect(reply.body.error).toMatchObject({ code: 'validation.invalid', field });
      expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts:\d+|stack/);
    };
    // A NUL in the ticket key (path).
    shape(await agent.get('/tickets/%00'), 'id');
    shape(await agent.get('/tickets/EU-INC-2026-000001%00'), 'id');
    shape(await agent.get('/tickets?q=a%00b'), 'q');
    // A lone surrogate in a title (body), and in a free-text field of a request form.
    shape(await agent.post('/incidents', incidentBody({ title: 'Broken \ud800 title' })), 'title');
    shape(await agent.post('/incidents', incidentBody({ description: 'tail \udc00' })), 'description');
    // A priority cursor used with a date sort (query).
    for (let i = 0; i < 2; i++) await agent.post('/incidents', incidentBody({ title: `Cursor ${i}` }));
    const page = await agent.get('/tickets?sort=priority&limit=1');
    expect(page.body.nextCursor).toEqual(expect.any(String));
    shape(await agent.get(`/tickets?sort=-createdAt&cursor=${page.body.nextCursor}`), 'cursor');
    const dated = await agent.get('/tickets?sort=-createdAt&limit=1');
    shape(await agent.get(`/tickets?sort=priority&cursor=${dated.body.nextCursor}`), 'cursor');
    // JSON nested 100,000 levels deep in a request's values (a raw body, as an attacker sends it).
    const depth = 100_000;
    const deep = `{"catalogueItem":"access_request","values":{"reason":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const token = (await agent.post('/me/tokens', { name: 'deep bodies' })).body.token as string;
    const response = await fetch(`${server.url}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: deep,
    });
    const reply = { status: response.status, body: (await response.json()) as { error?: Record<string, unknown> } };
    shape(reply, `values.reason${'.0'.repeat(30)}`);
    expect(reply.body.error!.message).toContain('32');
  });

  it('9. numbers security incidents in a sequence of their own: an incident number never hides one', async () => {
    const before = (await u['eu.agent']!.post('/incidents', incidentBody({ title: 'Numbering before' }))).body.ref;
    const security = await u['eu.security']!.post('/security-incidents', {
      title: 'Numbering hidden',
      service: 'Link',
      impact: 'I2',
      criticality: 'C1',
    });
    expect(security.body.ref).toMatch(/^EU-SEC-\d{4}-\d{6}$/);
    const after = (await u['eu.agent']!.post('/incidents', incidentBody({ title: 'Numbering after' }))).body.ref;
    const seq = (ref: string) => Number(ref.split('-').at(-1));
    expect(seq(after)).toBe(seq(before) + 1);
  });

  it('10. never lowers a level below what its links require, and lowering is a security officer’s act with a reason', async () => {
    const incident = (
      await u['eu.agent']!.post(
        '/incidents',
        incidentBody({ title: 'Internal notes under SENSITIVE', sensitivity: 'SENSITIVE' }),
      )
    ).body.ref;
    const problem = (
      await u['eu.agent']!.post('/problems', {
        title: 'From a sensitive incident',
        service: 'x',
        impact: 'I3',
        incidents: [incident],
      })
    ).body;
    expect(problem.sensitivity).toBe('SENSITIVE');
    // The owner's agent may no longer lower either ticket.
    const byAgent = await u['eu.agent']!.patch(`/tickets/${problem.ref}`, {
      version: problem.version,
      sensitivity: 'LIMITED',
    });
    expect(byAgent.status).toBe(403);
    const incidentVersion = await version(incident);
    expect(
      (await u['eu.agent']!.patch(`/tickets/${incident}`, { version: incidentVersion, sensitivity: 'LIMITED' })).status,
    ).toBe(403);
    // A security officer needs a reason, and the problem never goes below the incident it was made from.
    const noReason = await u['eu.security']!.patch(`/tickets/${problem.ref}`, {
      version: problem.version,
      sensitivity: 'LIMITED',
    });
    expect(noReason.body.error).toMatchObject({
      code: 'ticket.sensitivity_reason_required',
      field: 'sensitivityReason',
    });
    const belowLinks = await u['eu.security']!.patch(`/tickets/${problem.ref}`, {
      version: problem.version,
      sensitivity: 'LIMITED',
      sensitivityReason: 'Declassified',
    });
    expect(belowLinks.status).toBe(400);
    expect(belowLinks.body.error).toMatchObject({ code: 'validation.invalid', field: 'sensitivity' });
    expect(belowLinks.body.error.message).toContain('SENSITIVE');
    expect((await u['eu.agent2']!.get(`/tickets/${problem.ref}`)).status).toBe(404);
    // The incident itself may be lowered by the officer, with the reason on its timeline.
    const lowered = await u['eu.security']!.patch(`/tickets/${incident}`, {
      version: incidentVersion,
      sensitivity: 'LIMITED',
      sensitivityReason: 'Only public data involved after review',
    });
    expect(lowered.status).toBe(200);
    expect(lowered.body.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'sensitivity_changed',
        data: { from: 'SENSITIVE', to: 'LIMITED', reason: 'Only public data involved after review' },
      }),
    );
  });

  it('12. hands a ticket only to a person whose clearance and team membership cover it', async () => {
    const sensitive = (
      await u['eu.agent']!.post('/incidents', incidentBody({ title: 'Hand-over check', sensitivity: 'SENSITIVE' }))
    ).body.ref;
    const toLimited = await u['eu.agent']!.post(`/tickets/${sensitive}/actions/assign`, {
      groupId: groups['EU.desk'],
      assigneeId: ids['eu.agent2'],
    });
    expect(toLimited.status).toBe(409);
    expect(toLimited.body.error).toMatchObject({ code: 'ticket.handover_not_cleared', field: 'assigneeId' });
    expect((await u['eu.agent']!.get(`/tickets/${sensitive}`)).body.assignee).toBeNull();
    expect(
      (
        await u['eu.agent']!.post(`/tickets/${sensitive}/actions/assign`, {
          groupId: groups['EU.desk'],
          assigneeId: ids['eu.agent'],
        })
      ).status,
    ).toBe(200);

    // A team-restricted security incident: only team members (or level 3) are handed it.
    const ref = (
      await u['eu.security']!.post('/security-incidents', {
        title: 'Team hand-over',
        service: 'Link',
        impact: 'I2',
        criticality: 'C1',
      })
    ).body.ref;
    await u['eu.security']!.post(`/tickets/${ref}/actions/form_team`, { members: [ids['eu.imt']] });
    const outsider = await u['eu.security']!.post(`/tickets/${ref}/actions/assign`, {
      groupId: groups['EU.resolver'],
      assigneeId: ids['eu.resolver'],
    });
    expect(outsider.status).toBe(409);
    expect(outsider.body.error.code).toBe('ticket.handover_not_cleared');
    expect(
      (
        await u['eu.security']!.post(`/tickets/${ref}/actions/assign`, {
          groupId: groups['EU.resolver'],
          assigneeId: ids['eu.imt'],
        })
      ).status,
    ).toBe(200);
  });

  it('13. keeps a security incident at the highest level of the assets its analysis names', async () => {
    const asset = await u['eu.security']!.post('/assets', {
      name: 'Signing keys',
      owner: 'EU registry',
      confidentiality: 'HIGH',
      integrity: 'LOW',
      availability: 'LOW',
    });
    expect(asset.body.sensitivity).toBe('CRITICAL');
    const ref = (
      await u['eu.security']!.post('/security-incidents', {
        title: 'Key theft',
        service: 'Link',
        impact: 'I2',
        criticality: 'C1',
      })
    ).body.ref;
    const officer = u['eu.security']!;
    await officer.post(`/tickets/${ref}/actions/characterise`, {
      taxonomyClass: 'intrusions',
      taxonomyType: 'system-compromise',
      severity: 'high',
      impact: 'I2',
      personalData: false,
      ciaAffected: ['confidentiality'],
    });
    const analysed = await officer.post(`/tickets/${ref}/actions/record_analysis`, {
      impacts: [
        {
          assetId: asset.body.id,
          confidentiality: 'total',
          integrity: 'none',
          availability: 'none',
          consequences: { EU: 'Keys exposed' },
        },
      ],
      initialMeasures: 'Keys revoked',
      followUpMeasures: 'New HSM',
      resources: 'One week',
    });
    expect(analysed.body).toMatchObject({ sensitivity: 'CRITICAL', details: { assetLevel: 'CRITICAL' } });
    await officer.post(`/tickets/${ref}/actions/contain`, { summary: 'Isolated' });
    const recovered = await officer.post(`/tickets/${ref}/actions/recover`, {
      summary: 'Rebuilt',
      linkDisconnected: false,
      registryTeamsInformed: true,
    });
    expect(recovered.body.status).toBe('recovered');
    // The investigation is over, but the assets involved are CRITICAL: so is the incident.
    const lowered = await officer.patch(`/tickets/${ref}`, {
      version: recovered.body.version,
      sensitivity: 'SENSITIVE',
      sensitivityReason: 'Investigation over',
    });
    expect(lowered.status).toBe(400);
    expect(lowered.body.error).toMatchObject({ code: 'validation.invalid', field: 'sensitivity' });
    expect(lowered.body.error.message).toContain('information assets');
    expect((await officer.get(`/tickets/${ref}`)).body.sensitivity).toBe('CRITICAL');
  });
});

/** Limits set low on purpose: the allow-list, sessions, timeouts and HSTS, on a server of their own. */
describe.each(STORE_KINDS)('sign-in address, sessions and connections under tight limits (%s)', (kind) => {
  let server: TestServer;
  const INSIDE = '203.0.113.10';
  const OUTSIDE = '198.51.100.7';

  beforeAll(async () => {
    server = await startTestServer(kind, {
      TRUST_PROXY: 'true',
      SECURE_COOKIES: 'true',
      SESSION_RATE_LIMIT: '5',
      MAX_SESSIONS_PER_USER: '2',
      HEADERS_TIMEOUT_MS: '500',
    });
    await insertAllowlistEntry(server.db, {
      partyId: 'EU',
      cidr: '203.0.113.0/24',
      note: 'test',
      requestId: null,
      createdAt: new Date(),
    });
    forgetAllowlists(server.db);
  });
  afterAll(() => server.close());

  it('7. checks the allow-list before the password and answers the same either way', async () => {
    const right = await login(server.url, { username: 'eu.auditor', password: DEMO_PASSWORD }, OUTSIDE);
    const wrong = await login(server.url, { username: 'eu.auditor', password: 'not-the-password' }, OUTSIDE);
    const unknown = await login(server.url, { username: 'eu.nobody', password: 'not-the-password' }, OUTSIDE);
    expect(right.status).toBe(401);
    expect(right.body).toEqual(wrong.body);
    expect(right.body).toEqual(unknown.body);
    expect(right.body.error.code).toBe('auth.invalid_credentials');
    expect((await login(server.url, { username: 'eu.auditor', password: DEMO_PASSWORD }, INSIDE)).status).toBe(200);
  });

  it('5. sends HSTS when served for TLS (SECURE_COOKIES)', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('11. limits requests per session and live sessions per user', async () => {
    const cookieOf = (reply: { headers: Headers }) =>
      reply.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    const sessions = [];
    for (let i = 0; i < 3; i++)
      sessions.push(cookieOf(await login(server.url, { username: 'ch.agent', password: DEMO_PASSWORD }, INSIDE)));
    const me = (cookie: string) => fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
    // Two live sessions per user: the oldest ended when the third began.
    expect((await me(sessions[0]!)).status).toBe(401);
    expect((await me(sessions[1]!)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await me(sessions[2]!)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await me(sessions[2]!);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another session of the same user has a budget of its own.
    expect((await me(sessions[1]!)).status).toBe(200);
  });

  it('11. closes a connection whose headers arrive too slowly', async () => {
    const { port } = new URL(server.url);
    const started = Date.now();
    const closed = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      setTimeout(() => {
        socket.destroy();
        reject(new Error('still open after 5 s'));
      }, 5000);
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(closed === '' || closed.startsWith('HTTP/1.1 408')).toBe(true);
  });
});
