import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { anonymous, incidentBody, signIn } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const hours = (n: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + n * 3_600_000).toISOString();

describe.each(STORE_KINDS)('problems, known errors and service requests (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euAgent2 = as('eu.agent2');
  const euResolver = as('eu.resolver');
  const chAgent = as('ch.agent');
  const chResolver = as('ch.resolver');
  const euAdmin = as('eu.admin');

  it('derives a problem’s priority from the frequency of its incidents and publishes a known error the desks can apply', async () => {
    const incidents = [];
    for (let i = 0; i < 2; i++)
      incidents.push((await euAgent.post('/incidents', incidentBody({ title: `Timeout ${i}` }))).body.ref);
    const problem = await euAgent.post('/problems', {
      title: 'Link timeouts at night',
      service: 'link',
      impact: 'I2',
      incidents,
    });
    expect(problem.body).toMatchObject({ criticality: 'C2', priority: 'P3', details: { frequency: 2 } });
    const ref = problem.body.ref;
    expect(problem.body.links.filter((l: { kind: string }) => l.kind === 'problem_of')).toHaveLength(2);
    // The incident shows the link back.
    expect((await euAgent.get(`/tickets/${incidents[0]}`)).body.links).toContainEqual(
      expect.objectContaining({ kind: 'problem_of', direction: 'to', ticket: expect.objectContaining({ ref }) }),
    );

    for (let i = 0; i < 3; i++) {
      const incident = (await euAgent.post('/incidents', incidentBody({ title: `Timeout again ${i}` }))).body.ref;
      await euAgent.post(`/tickets/${ref}/actions/link_incident`, { incident });
    }
    const frequent = (await euAgent.get(`/tickets/${ref}`)).body;
    expect(frequent).toMatchObject({ criticality: 'C1', priority: 'P2', details: { frequency: 5 } });
    expect(
      (await euAgent.post(`/tickets/${ref}/actions/link_incident`, { incident: incidents[0] })).body.error.field,
    ).toBe('incident');
    expect((await euAgent.post(`/tickets/${ref}/actions/link_incident`, { incident: ref })).body.error.field).toBe(
      'incident',
    );

    // The desk assigns to its resolver group; the resolver records the root cause and publishes the known error.
    const parties = (await euAgent.get('/parties')).body.items;
    const resolverGroup = parties
      .find((p: { id: string }) => p.id === 'EU')
      .groups.find((g: { kind: string }) => g.kind === 'resolver');
    expect((await euAgent.post(`/tickets/${ref}/actions/assign`, { groupId: resolverGroup.id })).body.status).toBe(
      'in_progress',
    );
    await euResolver.post(`/tickets/${ref}/actions/record_root_cause`, {
      rootCause: 'Nightly backup saturates the firewall',
    });
    const published = await euResolver.post(`/tickets/${ref}/actions/publish_known_error`, {
      symptoms: 'Transfers time out between 02:00 and 03:00',
      cause: 'Backup traffic saturates the firewall',
      workaround: 'Retry after 03:00',
    });
    expect(published.body).toMatchObject({ status: 'known_error', workaround: 'Retry after 03:00' });

    const found = await euAgent.get('/known-errors?q=firewall');
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ problemRef: ref, workaround: 'Retry after 03:00' });
    // CH is not on the problem: the known error is not theirs to read.
    expect((await chAgent.get('/known-errors?q=firewall')).body.items).toHaveLength(0);

    const fresh = (await euAgent.post('/incidents', incidentBody({ title: 'Transfer timed out at 02:30' }))).body.ref;
    const applied = await euAgent.post(`/tickets/${fresh}/actions/record_known_error`, {
      knownErrorId: found.body.items[0].id,
    });
    expect(applied.body).toMatchObject({
      workaround: 'Retry after 03:00',
      knownError: 'Backup traffic saturates the firewall',
    });
    expect(applied.body.links).toContainEqual(
      expect.objectContaining({ kind: 'problem_of', ticket: expect.objectContaining({ ref }) }),
    );
    // The incident now counts on the problem, once.
    expect((await euAgent.get(`/tickets/${ref}`)).body.details.frequency).toBe(6);
    await euAgent.post(`/tickets/${fresh}/actions/record_known_error`, { knownErrorId: found.body.items[0].id });
    expect((await euAgent.get(`/tickets/${ref}`)).body.details.frequency).toBe(6);
    expect(
      (await chAgent.post(`/tickets/${fresh}/actions/record_known_error`, { knownErrorId: found.body.items[0].id }))
        .status,
    ).toBe(404);
    expect(
      (
        await euAgent.post(`/tickets/${fresh}/actions/record_known_error`, {
          knownErrorId: '00000000-0000-4000-8000-000000000000',
        })
      ).body.error.code,
    ).toBe('known_error.not_found');
  });

  it('hides a sensitive problem and its known error from a same-party user without clearance', async () => {
    const problem = await euAgent.post('/problems', {
      title: 'Key material exposure risk',
      service: 'hsm',
      impact: 'I1',
      sensitivity: 'SENSITIVE',
    });
    const ref = problem.body.ref;
    await euAgent.post(`/tickets/${ref}/actions/publish_known_error`, {
      symptoms: 'HSM audit warnings',
      cause: 'Stale key handle',
      workaround: 'Restart the HSM client',
    });
    expect((await euAgent2.get(`/tickets/${ref}`)).status).toBe(404);
    expect((await euAgent2.get('/known-errors?q=HSM')).body.items).toHaveLength(0);
    expect((await euAgent2.get('/tickets?type=problem&q=Key')).body.items).toHaveLength(0);
    expect((await euAgent.get('/known-errors?q=HSM')).body.items).toHaveLength(1);

    // A known error follows its problem: reclassified later, it leaves the sight of those not cleared.
    const open = (await euAgent.post('/problems', { title: 'Printer queue', service: 'office', impact: 'I3' })).body;
    await euAgent.post(`/tickets/${open.ref}/actions/publish_known_error`, {
      symptoms: 'queue stuck',
      cause: 'spooler leak',
      workaround: 'restart spooler',
    });
    expect((await euAgent2.get('/known-errors?q=spooler')).body.items).toHaveLength(1);
    await euAgent.patch(`/tickets/${open.ref}`, {
      version: (await euAgent.get(`/tickets/${open.ref}`)).body.version,
      sensitivity: 'SENSITIVE',
    });
    expect((await euAgent2.get('/known-errors?q=spooler')).body.items).toHaveLength(0);
    // Republishing replaces the entry.
    await euAgent.post(`/tickets/${open.ref}/actions/publish_known_error`, {
      symptoms: 'queue stuck',
      cause: 'spooler leak v2',
      workaround: 'restart spooler',
    });
    expect((await euAgent.get('/known-errors?q=spooler')).body.items.map((k: { cause: string }) => k.cause)).toEqual([
      'spooler leak v2',
    ]);
  });

  it('runs a request through the other party’s approval, fulfilment by both, verification and closure', async () => {
    const catalogue = await euAgent.get('/catalogue');
    expect(catalogue.body.items.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['tool_access', 'certificate_renewal', 'ip_allowlist_change', 'information_request']),
    );

    const badForm = await euAgent.post(
      '/requests',
      {
        catalogueItem: 'ip_allowlist_change',
        values: { action: 'add', cidr: '10.0.0.0/99', justification: 'new node' },
      },
      { 'accept-language': 'fr' },
    );
    expect(badForm.status).toBe(400);
    expect(badForm.body.error).toMatchObject({ code: 'validation.invalid', field: 'values.cidr' });
    expect(badForm.body.error.message).toContain('CIDR');
    const missing = await euAgent.post('/requests', {
      catalogueItem: 'ip_allowlist_change',
      values: { action: 'add' },
    });
    expect(missing.body.error).toMatchObject({ code: 'validation.required', field: 'values.cidr' });
    expect((await euAgent.post('/requests', { catalogueItem: 'nope', values: {} })).body.error.code).toBe(
      'request.catalogue_item_unknown',
    );

    const created = await euAgent.post('/requests', {
      catalogueItem: 'certificate_renewal',
      values: { subject: 'CN=link.eu', expires: '2027-01-31', usage: 'tls-server' },
    });
    expect(created.status).toBe(201);
    const ref = created.body.ref;
    expect(ref).toMatch(/^EU-REQ-/);
    expect(created.body.details).toMatchObject({
      approvalRequired: true,
      fulfillers: 'both',
      values: { subject: 'CN=link.eu' },
    });
    expect(created.body.allowedActions).not.toContain('start_fulfilment');
    // Approval first: fulfilment is refused before.
    const early = await euAgent.post(`/tickets/${ref}/actions/start_fulfilment`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('request.approval_required');
    const asked = await euAgent.post(`/tickets/${ref}/actions/request_approval`, {});
    expect(asked.body).toMatchObject({ status: 'awaiting_approval', participants: ['EU', 'CH'] });
    // Only the other party approves; the EU desk cannot approve its own request.
    expect((await euAgent.post(`/tickets/${ref}/actions/approve`, {})).status).toBe(403);
    const approved = await chAgent.post(`/tickets/${ref}/actions/approve`, { note: 'ok for CH' });
    expect(approved.body.status).toBe('approved');
    expect(approved.body.details.approvals[0]).toMatchObject({
      party: 'CH',
      decision: 'approved',
      by: 'CH Desk Agent',
    });

    const started = await euAgent.post(`/tickets/${ref}/actions/start_fulfilment`, {});
    expect(started.body.details.tasks.map((t: { party: string }) => t.party)).toEqual(['EU', 'CH']);
    // The EU desk may not forward CH's task to a CH supplier: only CH's desk can.
    expect(
      (await chResolver.post(`/tickets/${ref}/actions/forward_task`, { thirdParty: 'CH PKI provider' })).status,
    ).toBe(403);
    const forwarded = await chAgent.post(`/tickets/${ref}/actions/forward_task`, { thirdParty: 'CH PKI provider' });
    expect(forwarded.body.details.tasks[1]).toMatchObject({ party: 'CH', thirdParty: 'CH PKI provider' });
    expect(
      (await euAgent.post(`/tickets/${ref}/actions/complete_task`, { note: 'EU side installed' })).body.status,
    ).toBe('in_fulfilment');
    expect((await euAgent.post(`/tickets/${ref}/actions/complete_task`, {})).status).toBe(403);
    expect(
      (await chResolver.post(`/tickets/${ref}/actions/complete_task`, { note: 'CH side installed' })).body.status,
    ).toBe('fulfilled');

    expect((await chAgent.post(`/tickets/${ref}/actions/verify`, {})).status).toBe(403);
    expect((await euAgent.post(`/tickets/${ref}/actions/verify`, { note: 'handshake checked' })).body.status).toBe(
      'verified',
    );
    const notAccepted = await euAgent.post(`/tickets/${ref}/actions/close`, {});
    expect(notAccepted.body.error).toMatchObject({ code: 'validation.required', field: 'requesterAccepted' });
    const closed = await euAgent.post(`/tickets/${ref}/actions/close`, { requesterAccepted: true });
    expect(closed.body).toMatchObject({ status: 'closed', details: { requesterAccepted: true } });
    expect(
      (await chAgent.get('/notifications')).body.items.map(
        (n: { kind: string; ticketRef: string }) => `${n.kind}:${n.ticketRef}`,
      ),
    ).toContain(`closed:${ref}`);
  });

  it('sends a refused request back to the owning desk, which alone closes it with the refusal reason (REQ-2, PARTY-2)', async () => {
    const ref = (
      await euAgent.post('/requests', {
        catalogueItem: 'tool_access',
        values: { person: 'Ada', email: 'ada@example.org', tool: 'wiki', role: 'reader' },
      })
    ).body.ref;
    await euAgent.post(`/tickets/${ref}/actions/request_approval`, { party: 'CH' });
    expect(
      (await chAgent.get('/notifications')).body.items.map(
        (n: { kind: string; ticketRef: string }) => `${n.kind}:${n.ticketRef}`,
      ),
    ).toContain(`approval_needed:${ref}`);
    const refused = await chAgent.post(`/tickets/${ref}/actions/refuse`, { reason: 'No need for wiki access' });
    expect(refused.body).toMatchObject({ status: 'refused', resolution: 'No need for wiki access' });
    expect(refused.body.allowedActions ?? []).not.toContain('close');
    expect((await chAgent.post(`/tickets/${ref}/actions/close`, {})).status).toBe(403);
    expect(
      (await euAgent.get('/notifications')).body.items.map(
        (n: { kind: string; ticketRef: string }) => `${n.kind}:${n.ticketRef}`,
      ),
    ).toContain(`request_refused:${ref}`);
    expect((await euAgent.post(`/tickets/${ref}/actions/start_fulfilment`, {})).status).toBe(409);
    const closed = await euAgent.post(`/tickets/${ref}/actions/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', resolution: 'No need for wiki access' });
    expect(closed.body.timeline.at(-1)).toMatchObject({ kind: 'closed', data: { note: 'No need for wiki access' } });
  });

  it('lets only a party administrator extend the catalogue, with forms checked', async () => {
    const item = {
      kind: 'request',
      code: 'vpn_profile',
      name: { en: 'VPN profile', fr: 'Profil VPN' },
      description: { en: '', fr: '' },
      fields: [
        {
          key: 'site',
          label: { en: 'Site', fr: 'Site' },
          type: 'select',
          required: true,
          options: ['Brussels', 'Bern'],
        },
      ],
      approvalRequired: false,
      fulfillers: 'owner',
    };
    expect((await euAgent.post('/catalogue', item)).status).toBe(403);
    const created = await euAdmin.post('/catalogue', item);
    expect(created.status).toBe(201);
    // (A different body: an identical write within a second is refused as a duplicate, ISM-8.)
    expect(
      (await euAdmin.post('/catalogue', { ...item, description: { en: 'again', fr: 'encore' } })).body.error.code,
    ).toBe('catalogue.exists');
    expect(
      (await euAdmin.post('/catalogue', { ...item, code: 'bad', fields: [{ ...item.fields[0], options: undefined }] }))
        .body.error.field,
    ).toBe('fields.0.options');
    const nul = await euAdmin.post('/catalogue', {
      ...item,
      kind: 'standard_change',
      code: 'nul',
      template: { risk: 'low', rollbackPlan: 'a\u0000b' },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error.field).toBe('template.rollbackPlan');
    const request = await euAgent.post('/requests', { catalogueItem: 'vpn_profile', values: { site: 'Bern' } });
    expect(request.body.details.catalogueItem.code).toBe('vpn_profile');
    // CH's administrator cannot edit EU's catalogue.
    const chAdmin = await signIn(server.url, 'ch.admin');
    const { kind: _k, code: _c, ...body } = item;
    expect((await chAdmin.put(`/catalogue/${created.body.id}`, body)).status).toBe(404);
    expect((await euAdmin.put(`/catalogue/${created.body.id}`, { ...body, active: false })).body.active).toBe(false);
    expect(
      (await euAgent.post('/requests', { catalogueItem: 'vpn_profile', values: { site: 'Bern' } })).body.error.code,
    ).toBe('request.catalogue_item_unknown');
  });

  it('publishes each party’s maintenance calendar as iCalendar in UTC, readable with a feed token only for the feed', async () => {
    const euChange = await signIn(server.url, 'eu.change');
    const window = await euChange.post('/maintenance-windows', {
      title: 'Database upgrade',
      service: 'registry',
      startsAt: hours(30),
      endsAt: hours(32),
    });
    expect(window.status).toBe(201);
    const feed = await euChange.post('/me/calendar-feed', {});
    expect(feed.status).toBe(201);
    const response = await fetch(`${server.url}${feed.body.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const upgrade = events.find((e) => e.summary.includes('Database upgrade'))!;
    expect(upgrade.startDate.toJSDate().toISOString()).toBe(new Date(window.body.startsAt).toISOString());
    expect(upgrade.startDate.zone?.tzid).toBe('UTC');
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    // The feed token reads feeds and nothing else; a wrong one reads nothing; an API token never goes in a URL.
    expect(
      (await fetch(`${server.url}/api/v1/tickets`, { headers: { authorization: `Bearer ${feed.body.token}` } })).status,
    ).toBe(401);
    expect((await fetch(`${server.url}/api/v1/parties/EU/maintenance.ics?feed=psl_wrong`)).status).toBe(401);
    expect((await anonymous(server.url).get('/parties/EU/maintenance.ics')).status).toBe(401);
    const apiToken = (await euChange.post('/me/tokens', { name: 'cli' })).body.token;
    expect((await fetch(`${server.url}/api/v1/parties/EU/maintenance.ics?feed=${apiToken}`)).status).toBe(401);
    expect(
      (
        await fetch(`${server.url}/api/v1/parties/EU/maintenance.ics`, {
          headers: { authorization: `Bearer ${apiToken}` },
        })
      ).status,
    ).toBe(200);
  });
});
