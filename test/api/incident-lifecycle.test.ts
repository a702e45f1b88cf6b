import { beforeAll, describe, expect, it } from 'vitest';
import { incidentBody, signIn } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const CHECKLIST = {
  categorisationVerified: true,
  informationComplete: true,
  documentationUpdated: true,
  stakeholdersInformed: true,
};

describe.each(STORE_KINDS)('incident lifecycle over HTTP (%s)', (kind) => {
  let parties: { id: string; groups: { id: string; name: string; kind: string }[] }[];

  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const chAgent = as('ch.agent');
  const chResolver = as('ch.resolver');
  beforeAll(async () => {
    parties = (await euAgent.get('/parties')).body.items;
  });

  const group = (party: string, kind: string) =>
    parties.find((p) => p.id === party)!.groups.find((g) => g.kind === kind)!;

  it('runs record → transfer → resolve by the other party → verify → close by the owning desk', async () => {
    const created = await euAgent.post('/incidents', incidentBody());
    expect(created.status).toBe(201);
    const ref: string = created.body.ref;
    expect(ref).toMatch(/^EU-INC-\d{4}-\d{6}$/);
    expect(created.body.priority).toBe('P2');
    expect(created.headers.get('location')).toBe(`/api/v1/tickets/${ref}`);

    const transferred = await euAgent.post(`/tickets/${ref}/actions/transfer`, {
      party: 'CH',
      reason: 'CH side of the link',
      version: 1,
    });
    expect(transferred.status).toBe(200);
    expect(transferred.body).toMatchObject({
      holderParty: 'CH',
      status: 'in_progress',
      participants: ['EU', 'CH'],
      group: { name: 'CH Service Desk' },
    });

    // The EU desk no longer holds it: it may not assign it inside CH.
    const euAssign = await euAgent.post(`/tickets/${ref}/actions/assign`, { groupId: group('CH', 'resolver').id });
    expect(euAssign.status).toBe(403);

    const assigned = await chAgent.post(`/tickets/${ref}/actions/assign`, { groupId: group('CH', 'resolver').id });
    expect(assigned.status).toBe(200);
    const resolved = await chResolver.post(`/tickets/${ref}/actions/resolve`, {
      resolution: 'Certificate on the CH endpoint renewed',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', holderParty: 'EU', group: { name: 'EU Service Desk' } });

    // Only the owning desk verifies and closes (PARTY-2, INC-5/6).
    expect((await chAgent.post(`/tickets/${ref}/actions/verify`, {})).status).toBe(403);
    expect((await euAgent.post(`/tickets/${ref}/actions/verify`, { note: 'Reporter confirmed' })).status).toBe(200);
    const chClose = await chAgent.post(`/tickets/${ref}/actions/close`, { checklist: CHECKLIST });
    expect(chClose.status).toBe(403);
    expect(chClose.body.error.code).toBe('ticket.close_forbidden');
    const incomplete = await euAgent.post(`/tickets/${ref}/actions/close`, {
      checklist: { ...CHECKLIST, stakeholdersInformed: false },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error).toMatchObject({
      code: 'ticket.checklist_incomplete',
      field: 'checklist.stakeholdersInformed',
    });
    const closed = await euAgent.post(`/tickets/${ref}/actions/close`, { checklist: CHECKLIST });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.allowedActions).toEqual(['record_recurrence', 'declare_security_incident']);

    const kinds = closed.body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'created',
        'transferred',
        'assigned',
        'resolved',
        'verified',
        'closed',
        'status_changed',
      ]),
    );
    const seqs = closed.body.timeline.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));

    // Never reopened: every working action is refused; a recurrence is a new linked incident.
    const bodies: Record<string, object> = {
      comment: { body: 'x', visibility: 'shared' },
      resolve: { resolution: 'x' },
      assign: { groupId: group('EU', 'desk').id },
      transfer: { party: 'CH' },
    };
    for (const [action, body] of Object.entries(bodies)) {
      const refused = await euAgent.post(`/tickets/${ref}/actions/${action}`, body);
      expect(refused.status, action).toBe(409);
      expect(refused.body.error.code).toBe('ticket.closed');
    }
    const patched = await euAgent.patch(`/tickets/${ref}`, { version: closed.body.version, title: 'reopen?' });
    expect(patched.status).toBe(409);
    const recurrence = await euAgent.post(`/tickets/${ref}/actions/record_recurrence`, {});
    expect(recurrence.status).toBe(201);
    expect(recurrence.body.ref).not.toBe(ref);
    expect(recurrence.body.status).toBe('recorded');
    expect(recurrence.body.links).toEqual([
      expect.objectContaining({ kind: 'recurrence_of', direction: 'from', ticket: expect.objectContaining({ ref }) }),
    ]);
    const old = await euAgent.get(`/tickets/${ref}`);
    expect(old.body.status).toBe('closed');
    expect(old.body.links).toEqual([expect.objectContaining({ kind: 'recurrence_of', direction: 'to' })]);
  });

  it('communicates the closure to the other party’s desk even when it never joined, within its clearance (INC-6)', async () => {
    const chJunior = await signIn(server.url, 'ch.agent2');
    const created = await euAgent.post(
      '/incidents',
      incidentBody({ title: 'EU-only outage', sensitivity: 'SENSITIVE' }),
    );
    const ref: string = created.body.ref;
    await euAgent.post(`/tickets/${ref}/actions/comment`, { body: 'EU eyes only', visibility: 'internal' });
    await euAgent.post(`/tickets/${ref}/actions/resolve`, { resolution: 'Restarted the EU endpoint' });
    await euAgent.post(`/tickets/${ref}/actions/verify`, {});
    expect((await chAgent.get(`/tickets/${ref}`)).status).toBe(404);
    const closed = await euAgent.post(`/tickets/${ref}/actions/close`, { checklist: CHECKLIST });
    expect(closed.status).toBe(200);
    expect(closed.body.participants).toEqual(['EU', 'CH']);
    // The CH desk is told, and may read the closed incident without EU's internal notes.
    const notices = (await chAgent.get('/notifications')).body.items as { kind: string; ticketRef: string }[];
    expect(notices.map((n) => `${n.kind}:${n.ticketRef}`)).toContain(`closed:${ref}`);
    const seen = await chAgent.get(`/tickets/${ref}`);
    expect(seen.body.status).toBe('closed');
    expect(JSON.stringify(seen.body.timeline)).not.toContain('EU eyes only');
    // A CH desk agent cleared for LIMITED only is neither told nor shown.
    expect(
      ((await chJunior.get('/notifications')).body.items as { ticketRef: string }[]).map((n) => n.ticketRef),
    ).not.toContain(ref);
    expect((await chJunior.get(`/tickets/${ref}`)).status).toBe(404);
  });

  it('refuses a stale update with 409 and requires a version on PATCH', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody());
    const first = await euAgent.patch(`/tickets/${body.id}`, { version: 1, title: 'First edit' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await euAgent.patch(`/tickets/${body.id}`, { version: 1, title: 'Second edit' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ticket.version_conflict');
    const viaHeader = await euAgent.patch(`/tickets/${body.id}`, { title: 'Header edit' }, { 'if-match': '"1"' });
    expect(viaHeader.status).toBe(409);
    const missing = await euAgent.patch(`/tickets/${body.id}`, { title: 'No version' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'ticket.version_required', field: 'version' });
    const current = await euAgent.get(`/tickets/${body.id}`);
    expect(current.body.title).toBe('First edit');
    const change = current.body.timeline.find((e: { kind: string }) => e.kind === 'field_changed');
    expect(change.data).toEqual({ field: 'title', from: 'Link endpoint times out', to: 'First edit' });
  });

  it('computes priority from the matrix and records the reason of an override', async () => {
    const noReason = await euAgent.post(
      '/incidents',
      incidentBody({ impact: 'I3', criticality: 'C3', priority: 'P1' }),
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('priorityReason');
    const overridden = await euAgent.post(
      '/incidents',
      incidentBody({ impact: 'I3', criticality: 'C3', priority: 'P1', priorityReason: 'Regulator deadline today' }),
    );
    expect(overridden.body).toMatchObject({ priority: 'P1', priorityReason: 'Regulator deadline today' });
    const reassessed = await euAgent.patch(`/tickets/${overridden.body.ref}`, {
      version: overridden.body.version,
      priority: 'P2',
      priorityReason: 'Deadline moved',
    });
    expect(reassessed.body.priority).toBe('P2');
    const events = reassessed.body.timeline.filter(
      (e: { kind: string; data: { field?: string } }) => e.kind === 'field_changed' && e.data.field === 'priority',
    );
    expect(events.map((e: { data: unknown }) => e.data)).toEqual([
      { field: 'priority', from: 'P5', to: 'P1', reason: 'Regulator deadline today' },
      { field: 'priority', from: 'P1', to: 'P2', reason: 'Deadline moved' },
    ]);
    const same = await euAgent.patch(`/tickets/${overridden.body.ref}`, {
      version: reassessed.body.version,
      priority: 'P2',
      title: 'Same override, new title',
    });
    expect(same.status).toBe(200);
    expect(same.body.priorityReason).toBe('Deadline moved');
    const plain = await euAgent.post('/incidents', incidentBody({ impact: 'I3', criticality: 'C2' }));
    const bumped = await euAgent.patch(`/tickets/${plain.body.ref}`, { version: 1, impact: 'I1' });
    expect(bumped.body.priority).toBe('P2');
  });

  it('escalates functionally and hierarchically, with the reason on the timeline', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody());
    const functional = await euAgent.post(`/tickets/${body.ref}/actions/escalate`, {
      mode: 'functional',
      groupId: group('EU', 'resolver').id,
      reason: 'Needs operations',
    });
    expect(functional.body.group.name).toBe('EU Registry Operations');
    const missingGroup = await euAgent.post(`/tickets/${body.ref}/actions/escalate`, {
      mode: 'functional',
      reason: 'x',
    });
    expect(missingGroup.body.error.field).toBe('groupId');
    let level = 1;
    for (const expected of [2, 3, 4]) {
      const up = await euAgent.post(`/tickets/${body.ref}/actions/escalate`, {
        mode: 'hierarchical',
        reason: `to L${expected}`,
      });
      expect(up.body.escalationLevel).toBe(expected);
      level = expected;
    }
    expect(level).toBe(4);
    const beyond = await euAgent.post(`/tickets/${body.ref}/actions/escalate`, {
      mode: 'hierarchical',
      reason: 'to L5',
    });
    expect(beyond.status).toBe(400);
  });

  it('records a known error and workaround during initial support, and pending/resume', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody());
    const known = await euAgent.post(`/tickets/${body.ref}/actions/record_known_error`, {
      knownError: 'KE-12 stale CRL cache',
      workaround: 'Flush the CRL cache',
    });
    expect(known.body).toMatchObject({ knownError: 'KE-12 stale CRL cache', workaround: 'Flush the CRL cache' });
    const pending = await euAgent.post(`/tickets/${body.ref}/actions/pend`, {
      reason: 'Waiting for logs from reporter',
    });
    expect(pending.body.status).toBe('pending');
    const stillPending = await euAgent.post(`/tickets/${body.ref}/actions/assign`, {
      groupId: group('EU', 'resolver').id,
    });
    expect(stillPending.body).toMatchObject({ status: 'pending', sla: { gtr: { phase: 'paused' } } });
    expect(pending.body.allowedActions).toContain('resume');
    const resumed = await euAgent.post(`/tickets/${body.ref}/actions/resume`, {});
    expect(resumed.body.status).toBe('in_progress');
  });

  it('issues consecutive identifiers per party, type and year, also under concurrency', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, () => chAgent.post('/incidents', incidentBody())));
    const numbers = made.map((r) => Number(String(r.body.ref).split('-').at(-1))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers.at(-1)! - numbers[0]!).toBe(7);
    expect(made.every((r) => String(r.body.ref).startsWith('CH-INC-'))).toBe(true);
  });
});
