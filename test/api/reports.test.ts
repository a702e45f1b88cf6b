import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/services/auth/actor.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { agreementApplyHandler } from '../../src/services/agreements/apply-proposal.ts';
import { assignTicket } from '../../src/services/tickets/assign-ticket.ts';
import type { ServiceContext } from '../../src/services/write-path/context.ts';
import { createIncident } from '../../src/services/incidents/create-incident.ts';
import { slaOfTickets } from '../../src/services/sla/ticket-sla.ts';
import { findUserByName, listGroups } from '../../src/store/directory.ts';
import { incidentBody } from '../helpers/client.ts';
import { partyDate } from '../helpers/dates.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

describe.each(STORE_KINDS)('SLA reports (%s)', (kind) => {
  /** Replays history: each use case runs at a pinned instant. */
  async function at(iso: string, run: (ctx: ServiceContext) => Promise<unknown>) {
    const user = await findUserByName(server.db, 'eu.agent');
    return run({ db: server.db, actor: actorOf(user!), instanceId: server.instanceId, now: () => new Date(iso) });
  }

  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euAdmin = as('eu.admin');
  const chAgent = as('ch.agent');
  const chAdmin = as('ch.admin');
  beforeAll(async () => {
    const resolvers = (await listGroups(server.db, ['EU'])).find((g) => g.kind === 'resolver')!;
    const p3 = { ...incidentBody(), impact: 'I3' as const, criticality: 'C1' as const };
    // Within: opened Monday 4 May 09:00, first intervention 12:00 (3 business hours of 4).
    const a = (await at('2026-05-04T09:00:00+02:00', (ctx) => createIncident(ctx, { ...p3, title: 'A' }))) as {
      id: string;
    };
    await at('2026-05-04T12:00:00+02:00', (ctx) => assignTicket(ctx, a.id, { groupId: resolvers.id }));
    // Within only because 8 May is a French holiday: 7 May 16–18 h, then 11 May 08–09 h = 3 h.
    const b = (await at('2026-05-07T16:00:00+02:00', (ctx) => createIncident(ctx, { ...p3, title: 'B' }))) as {
      id: string;
    };
    await at('2026-05-11T09:00:00+02:00', (ctx) => assignTicket(ctx, b.id, { groupId: resolvers.id }));
    // Breached: opened 12 May 09:00, first intervention 13 May 10:00 (11 business hours).
    const c = (await at('2026-05-12T09:00:00+02:00', (ctx) => createIncident(ctx, { ...p3, title: 'C' }))) as {
      id: string;
    };
    await at('2026-05-13T10:00:00+02:00', (ctx) => assignTicket(ctx, c.id, { groupId: resolvers.id }));
    // Breached with no intervention at all.
    await at('2026-05-20T09:00:00+02:00', (ctx) =>
      createIncident(ctx, { ...incidentBody(), impact: 'I1', criticality: 'C1', title: 'D' }),
    );
  });

  it('computes monthly GTI compliance per priority from the timelines and the calendar', async () => {
    const { status, body } = await euAgent.get('/reports/compliance?party=EU&month=2026-05&details=true');
    expect(status).toBe(200);
    expect(body.rows.find((r: { priority: string }) => r.priority === 'P3')).toEqual({
      type: 'incident',
      priority: 'P3',
      tickets: 3,
      withinTarget: 2,
      pct: 66.67,
      objectivePct: 90,
      met: false,
      pending: 0,
    });
    expect(body.rows.find((r: { priority: string }) => r.priority === 'P1')).toMatchObject({
      tickets: 1,
      withinTarget: 0,
      met: false,
    });
    const b = body.details.find(
      (d: { elapsedMs: number; within: boolean }) => d.elapsedMs === 3 * 3_600_000 && d.within,
    );
    expect(b).toBeDefined();
    const csv = await fetch(`${server.url}/api/v1/reports/compliance.csv?party=EU&month=2026-05`, {
      headers: { authorization: `Bearer ${(await euAgent.post('/me/tokens', { name: 'csv' })).body.token}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('type,priority,tickets,within_target,pct,objective_pct,met,pending');
    expect(lines).toContain('incident,P3,3,2,66.67,90,false,0');
  });

  it('leaves a closed month unchanged when the calendar is edited', async () => {
    const before = (await euAgent.get('/reports/compliance?party=EU&month=2026-05&details=true')).body;
    const past = await euAdmin.post('/parties/EU/calendar/versions', {
      effectiveFrom: '2026-05-01',
      weekly: Array.from({ length: 7 }, () => [[0, 1440]]),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.field).toBe('effectiveFrom');
    expect(
      (
        await chAgent.post('/parties/EU/calendar/versions', {
          effectiveFrom: '2099-01-01',
          weekly: Array.from({ length: 7 }, () => []),
        })
      ).status,
    ).toBe(403);
    const tomorrow = partyDate(1);
    expect(
      (
        await euAdmin.post('/parties/EU/calendar/versions', {
          effectiveFrom: tomorrow,
          weekly: Array.from({ length: 7 }, () => []),
        })
      ).body.error.field,
    ).toBe('weekly');
    expect(
      (
        await euAdmin.post('/parties/EU/calendar/versions', {
          effectiveFrom: '2099-02-31',
          weekly: Array.from({ length: 7 }, () => [[480, 1080]]),
        })
      ).body.error.field,
    ).toBe('effectiveFrom');
    const edited = await euAdmin.post('/parties/EU/calendar/versions', {
      effectiveFrom: tomorrow,
      weekly: Array.from({ length: 7 }, () => [[0, 1440]]),
      extraClosures: ['2026-05-11'],
      onCallPriorities: ['P1'],
    });
    expect(edited.status).toBe(201);
    expect(edited.body.versions).toHaveLength(2);
    expect(edited.body.versions[0].holidays).toContain('2026-05-08');
    const parallel = await Promise.all(
      Array.from({ length: 4 }, () =>
        euAdmin.post('/parties/EU/calendar/versions', {
          effectiveFrom: tomorrow,
          weekly: Array.from({ length: 7 }, () => [[480, 1080]]),
        }),
      ),
    );
    expect(parallel.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(
      (await euAgent.get('/parties/EU/calendar')).body.versions.map((v: { version: number }) => v.version),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    const after = (await euAgent.get('/reports/compliance?party=EU&month=2026-05&details=true')).body;
    expect(after).toEqual(before);
  });

  it('versions targets: new ones apply to tickets opened from their date, never to the closed month', async () => {
    const before = (await euAgent.get('/reports/compliance?party=EU&month=2026-05')).body;
    const current = (await euAgent.get('/parties/EU/sla-targets')).body.items;
    expect(
      current.find((t: { ticketType: string; priority: string }) => t.ticketType === 'incident' && t.priority === 'P1'),
    ).toEqual({
      ticketType: 'incident',
      priority: 'P1',
      gtiMinutes: 30,
      gtrMinutes: 240,
      gteMinutes: 60,
      objectivePct: 95,
    });
    expect(current.find((t: { ticketType: string }) => t.ticketType === 'request').gtiMinutes).toBe(240);
    const tighter = {
      ticketType: 'incident',
      priority: 'P3',
      gtiMinutes: 60,
      gtrMinutes: 480,
      gteMinutes: 120,
      objectivePct: 99,
    };
    expect(
      (await euAdmin.put('/parties/EU/sla-targets', { effectiveFrom: '2026-05-01', items: [tighter] })).body.error
        .field,
    ).toBe('effectiveFrom');
    expect(
      (await chAgent.put('/parties/EU/sla-targets', { effectiveFrom: '2099-01-01', items: [tighter] })).status,
    ).toBe(403);
    expect(
      (
        await euAdmin.put('/parties/EU/sla-targets', {
          effectiveFrom: '2099-01-01',
          items: [{ ...tighter, gtiMinutes: 0 }],
        })
      ).body.error.field,
    ).toBe('items.0.gtiMinutes');
    expect(
      (
        await euAdmin.put('/parties/EU/sla-targets', {
          effectiveFrom: '2099-01-01',
          items: [{ ...tighter, gtiMinutes: 3000 }],
        })
      ).body.error.field,
    ).toBe('items.0');
    expect((await euAgent.get('/parties/ZZ/sla-targets')).status).toBe(404);
    const tomorrow = partyDate(1);
    // SNC 10.2: the targets are proposed; nothing changes until CH accepts and the date comes.
    const proposed = await euAdmin.put('/parties/EU/sla-targets', { effectiveFrom: tomorrow, items: [tighter] });
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({ kind: 'sla_targets', status: 'proposed', awaitedParties: ['CH'] });
    expect((await chAdmin.post(`/agreement/proposals/${proposed.body.id}/accept`, {})).body.status).toBe('accepted');
    const apply = { agreement_apply: agreementApplyHandler(server.db) };
    expect(await runDueJobs(server.db, apply, new Date())).toBe(0); // not before its date
    expect(await runDueJobs(server.db, apply, new Date(Date.now() + 2 * 86_400_000))).toBe(1);
    expect((await euAgent.get(`/agreement/proposals/${proposed.body.id}`)).body).toMatchObject({
      status: 'applied',
      version: 1,
    });
    expect((await euAgent.get('/reports/compliance?party=EU&month=2026-05')).body).toEqual(before);
    const later = (await at(`${tomorrow}T12:00:00Z`, (ctx) =>
      createIncident(ctx, { ...incidentBody(), impact: 'I3', criticality: 'C1' }),
    )) as Parameters<typeof slaOfTickets>[1][number];
    const today = (await at(new Date().toISOString(), (ctx) =>
      createIncident(ctx, { ...incidentBody(), impact: 'I3', criticality: 'C1' }),
    )) as Parameters<typeof slaOfTickets>[1][number];
    const states = await slaOfTickets(server.db, [later, today], Date.now() + 2 * 86_400_000);
    expect(states.get(later.id)!.gti.targetMs).toBe(60 * 60_000);
    expect(states.get(today.id)!.gti.targetMs).toBe(4 * 3_600_000);
  });

  it('counts only tickets the reader may see', async () => {
    const report = (await chAgent.get('/reports/compliance?party=EU&month=2026-05')).body;
    expect(report.rows.every((r: { tickets: number; pending: number }) => r.tickets === 0 && r.pending === 0)).toBe(
      true,
    );
    expect((await euAgent.get('/reports/compliance?party=EU&month=2026-13')).body.error.field).toBe('month');
    expect((await euAgent.get('/reports/availability?party=EU&month=0000-01')).body.error.field).toBe('month');
  });

  it('reports availability per service, outage starting at the earliest of detection and report', async () => {
    const tomorrow = partyDate(1);
    const proposed = await euAdmin.put('/parties/EU/service-targets/Link', {
      targetPct: 99.9,
      effectiveFrom: tomorrow,
    });
    expect(proposed.status).toBe(202);
    expect(
      (await chAgent.put('/parties/EU/service-targets/Link', { targetPct: 1, effectiveFrom: tomorrow })).status,
    ).toBe(403);
    await chAdmin.post(`/agreement/proposals/${proposed.body.id}/accept`, {});
    await runDueJobs(
      server.db,
      { agreement_apply: agreementApplyHandler(server.db) },
      new Date(Date.now() + 2 * 86_400_000),
    );
    const outage = await euAgent.post('/outages', {
      service: 'Link',
      detectedAt: '2026-10-05T10:00:00+02:00',
      reportedAt: '2026-10-05T09:30:00+02:00',
    });
    expect(outage.status).toBe(201);
    expect(
      (await euAgent.patch(`/outages/${outage.body.id}`, { restoredAt: '2026-10-05T09:00:00+02:00' })).status,
    ).toBe(400);
    expect(
      (await chAgent.patch(`/outages/${outage.body.id}`, { restoredAt: '2026-10-05T11:30:00+02:00' })).status,
    ).toBe(404);
    await euAgent.patch(`/outages/${outage.body.id}`, { restoredAt: '2026-10-05T11:30:00+02:00' });
    expect((await euAgent.post('/outages', { service: 'Link' })).body.error.field).toBe('detectedAt');
    const secret = await euAgent.post('/incidents', incidentBody({ sensitivity: 'SENSITIVE', title: 'Link down' }));
    const linked = await euAgent.post('/outages', {
      service: '=Evil,"name"',
      detectedAt: '2026-10-06T10:00:00+02:00',
      restoredAt: '2026-10-06T10:30:00+02:00',
      ticket: secret.body.ref,
    });
    expect(linked.body.ticketId).toBe(secret.body.id);
    const asCh = (await chAgent.get('/outages?party=EU')).body.items.find(
      (o: { id: string }) => o.id === linked.body.id,
    );
    expect(asCh.ticketId).toBeNull();
    const csv = await fetch(`${server.url}/api/v1/reports/availability.csv?party=EU&month=2026-10`, {
      headers: { authorization: `Bearer ${(await euAgent.post('/me/tokens', { name: 'csv2' })).body.token}` },
    });
    expect(await csv.text()).toContain(`"'=Evil,""name"""`);
    const report = (await euAgent.get('/reports/availability?party=EU&month=2026-10')).body;
    const link = report.rows.find((r: { service: string }) => r.service === 'Link');
    // October 2026 in Paris has 745 hours (the clocks go back); 2 h down.
    expect(link).toMatchObject({ outages: 1, downtimeMs: 2 * 3_600_000, targetPct: 99.9, met: false });
    expect(link.availabilityPct).toBeCloseTo(100 * (1 - 2 / 745), 3);
  });

  it('lets the party’s managers schedule short future maintenance windows only, for their own party', async () => {
    const start = new Date(Date.now() + 86_400_000).toISOString();
    const end = new Date(Date.now() + 90_000_000).toISOString();
    expect(
      (await euAgent.post('/maintenance-windows', { title: 'DB upgrade', startsAt: start, endsAt: end })).status,
    ).toBe(403);
    expect(
      (
        await euAdmin.post('/maintenance-windows', {
          title: 'Freeze the clocks',
          startsAt: start,
          endsAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
        })
      ).body.error.field,
    ).toBe('endsAt');
    const made = await euAdmin.post('/maintenance-windows', {
      title: 'DB upgrade',
      service: 'Link',
      startsAt: start,
      endsAt: end,
    });
    expect(made.status).toBe(201);
    expect(made.body.party).toBe('EU');
    expect(
      (
        await euAdmin.post('/maintenance-windows', {
          title: 'Past',
          startsAt: '2026-01-01T00:00:00Z',
          endsAt: '2026-01-02T00:00:00Z',
        })
      ).body.error.field,
    ).toBe('startsAt');
    const listed = await chAgent.get(
      `/maintenance-windows?from=${encodeURIComponent(start)}&to=${encodeURIComponent(end)}`,
    );
    expect(listed.body.items.map((w: { id: string }) => w.id)).toContain(made.body.id);
    // Windows back to back count as one stretch, which may not exceed 72 hours either.
    const chained = await euAdmin.post('/maintenance-windows', {
      title: 'More',
      startsAt: end,
      endsAt: new Date(Date.parse(end) + 72 * 3_600_000).toISOString(),
    });
    expect(chained.status).toBe(400);
    expect(chained.body.error.field).toBe('endsAt');
    expect(
      (await euAgent.get('/maintenance-windows?from=0000-01-01T00:00:00Z&to=2030-01-01T00:00:00Z')).body.error.field,
    ).toBe('from');
    expect((await chAgent.del(`/maintenance-windows/${made.body.id}`)).status).toBe(404);
    expect((await euAgent.del(`/maintenance-windows/${made.body.id}`)).status).toBe(403);
    expect((await euAdmin.del(`/maintenance-windows/${made.body.id}`)).status).toBe(204);
  });
});
