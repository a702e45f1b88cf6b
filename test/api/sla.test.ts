import { describe, expect, it } from 'vitest';
import { checkSla } from '../../src/jobs/sla-monitor.ts';
import { actorOf } from '../../src/services/auth/actor.ts';
import { createIncident } from '../../src/services/incidents/create-incident.ts';
import { slaOfTickets } from '../../src/services/sla/ticket-sla.ts';
import { findUserByName } from '../../src/store/directory.ts';
import { ticketEvents, tickets } from '../../src/store/schema/index.ts';
import { projectFacts } from '../../src/domain/sla-facts.ts';
import { asc, eq } from 'drizzle-orm';
import { incidentBody } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';
import { TimelineEventSchema } from '../../src/domain/events.ts';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('SLA clocks, warnings and breaches (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euJunior = as('eu.agent2'); // LIMITED clearance
  const euManager = as('eu.manager');

  it('takes a P3 opened Thursday 30 April 2026 16:00 in Paris to its 4 h GTI on Monday 4 May 10:00 (demo calendar, 1 May a holiday)', async () => {
    const user = await findUserByName(server.db, 'eu.agent');
    const opened = new Date('2026-04-30T16:00:00+02:00');
    const ticket = await createIncident(
      { db: server.db, actor: actorOf(user!), instanceId: server.instanceId, now: () => opened },
      { ...incidentBody(), impact: 'I3', criticality: 'C1' },
    );
    expect(ticket.priority).toBe('P3');
    const sla = (await slaOfTickets(server.db, [ticket], opened.getTime())).get(ticket.id)!;
    expect(new Date(sla.gti.dueAt!).toISOString()).toBe(new Date('2026-05-04T10:00:00+02:00').toISOString());
    const due = (await slaOfTickets(server.db, [ticket], Date.parse('2026-05-04T10:00:00+02:00'))).get(ticket.id)!;
    expect(due.gti).toMatchObject({ elapsedMs: 4 * 3_600_000, level: 'warning' });
    expect(due.byParty).toEqual({ EU: 4 * 3_600_000 });
  });

  it("numbers a ticket by the owning party's local year", async () => {
    const user = await findUserByName(server.db, 'eu.agent');
    const ctx = {
      db: server.db,
      actor: actorOf(user!),
      instanceId: server.instanceId,
      now: () => new Date('2026-12-31T23:30:00Z'),
    };
    expect((await createIncident(ctx, { ...incidentBody(), impact: 'I2', criticality: 'C1' })).ref).toMatch(
      /^EU-INC-2027-/,
    );
  });

  it('shows the running clocks on the queue and the ticket, and pauses while pending', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C1' }));
    expect(body.sla).toMatchObject({
      gti: { targetMs: 30 * 60_000, phase: 'running' },
      gtr: { targetMs: 4 * 3_600_000 },
    });
    const listed = (await euAgent.get(`/tickets?q=${body.ref}`)).body.items[0];
    expect(listed.sla.gti.targetMs).toBe(30 * 60_000);
    const pending = await euAgent.post(`/tickets/${body.ref}/actions/pend`, { reason: 'Waiting for the reporter' });
    expect(pending.body.sla).toMatchObject({ gti: { phase: 'stopped' }, gtr: { phase: 'paused', dueAt: null } });
    const reprioritised = await euAgent.patch(`/tickets/${body.ref}`, {
      version: pending.body.version,
      impact: 'I3',
      criticality: 'C3',
    });
    expect(reprioritised.body.priority).toBe('P5');
    expect(reprioritised.body.sla.gtr.targetMs).toBe(80 * 3_600_000);
    expect(reprioritised.body.sla.gtr.elapsedMs).toBe(pending.body.sla.gtr.elapsedMs);
  });

  it('does not stop the intervention clock on an internal note; a shared reply stops it (SLA-3)', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C1' }));
    const noted = await euAgent.post(`/tickets/${body.ref}/actions/comment`, {
      body: 'Looked at the logs, nothing yet',
      visibility: 'internal',
    });
    expect(noted.status).toBe(200);
    expect(noted.body.sla.gti.phase).toBe('running');
    const [row] = await server.db.select().from(tickets).where(eq(tickets.id, body.id));
    expect((row!.slaFacts as { firstInterventionAt: number | null }).firstInterventionAt).toBeNull();
    const replied = await euAgent.post(`/tickets/${body.ref}/actions/comment`, {
      body: 'We are on it',
      visibility: 'shared',
    });
    expect(replied.body.sla.gti.phase).toBe('stopped');
  });

  it('stores exactly the SLA facts that folding the ticket’s own timeline gives', async () => {
    const { body } = await euAgent.post(
      '/incidents',
      incidentBody({ impact: 'I3', criticality: 'C3', priority: 'P1', priorityReason: 'Board request' }),
    );
    await euAgent.post(`/tickets/${body.ref}/actions/pend`, { reason: 'Waiting' });
    await euAgent.post(`/tickets/${body.ref}/actions/transfer`, { party: 'CH' });
    await euAgent.post(`/tickets/${body.ref}/actions/comment`, { body: 'Note', visibility: 'internal' });
    const [row] = await server.db.select().from(tickets).where(eq(tickets.id, body.id));
    const events = await server.db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, body.id))
      .orderBy(asc(ticketEvents.seq));
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(row!.eventSeq).toBe(events.length);
    const folded = projectFacts(
      events.map((e) => ({
        ...TimelineEventSchema.parse({ kind: e.kind, data: e.data }),
        at: e.createdAt.getTime(),
        system: e.actorId === null,
        visibility: e.visibility,
      })),
      'EU',
      'recorded',
    );
    expect(row!.slaFacts).toEqual(folded);
  });

  it('raises each warning and breach once, notifies the desk and escalates on a resolution breach', async () => {
    const { body } = await euAgent.post(
      '/incidents',
      incidentBody({ impact: 'I1', criticality: 'C1', title: 'Breach me' }),
    );
    const raised = await checkSla(server.db, server.instanceId, false, new Date(Date.now() + 30 * DAY));
    expect(raised).toBeGreaterThanOrEqual(6);
    expect(await checkSla(server.db, server.instanceId, false, new Date(Date.now() + 30 * DAY))).toBe(0);
    const after = (await euAgent.get(`/tickets/${body.ref}`)).body;
    const kinds = after.timeline.map(
      (e: { kind: string; data: { clock?: string } }) => `${e.kind}${e.data.clock ? `:${e.data.clock}` : ''}`,
    );
    for (const clock of ['gti', 'gtr', 'gte']) {
      expect(kinds.filter((k: string) => k === `sla_warning:${clock}`)).toHaveLength(1);
      expect(kinds.filter((k: string) => k === `sla_breached:${clock}`)).toHaveLength(1);
    }
    expect(after.escalationLevel).toBe(2);
    const escalation = after.timeline.find((e: { kind: string }) => e.kind === 'escalated');
    expect(escalation).toMatchObject({
      actor: { id: null, name: 'Passerelle' },
      data: { reason: 'SLA breach', toLevel: 2 },
    });
    // A system escalation is not an intervention: the GTI stays breached and running.
    expect(after.sla.gti).toMatchObject({ phase: 'running' });
    const desk = (await euAgent.get('/notifications')).body.items.map(
      (n: { kind: string; ticketRef: string }) => `${n.kind}:${n.ticketRef}`,
    );
    expect(desk).toEqual(expect.arrayContaining([`sla_breached:${body.ref}`, `sla_warning:${body.ref}`]));
    const manager = (await euManager.get('/notifications')).body.items;
    expect(
      manager.some((n: { kind: string; subject: string }) => n.kind === 'escalated' && n.subject.includes(body.ref)),
    ).toBe(true);
  });

  it('never notifies a user about a ticket above their clearance, even after reclassification', async () => {
    const secret = await euAgent.post(
      '/incidents',
      incidentBody({ sensitivity: 'SENSITIVE', title: 'Sensitive breach' }),
    );
    const open = await euAgent.post('/incidents', incidentBody({ title: 'Later reclassified' }));
    await checkSla(server.db, server.instanceId, false, new Date(Date.now() + 60 * DAY));
    const junior = (await euJunior.get('/notifications')).body.items.map((n: { ticketRef: string }) => n.ticketRef);
    expect(junior).not.toContain(secret.body.ref);
    expect(junior).toContain(open.body.ref);
    const current = (await euAgent.get(`/tickets/${open.body.ref}`)).body;
    await euAgent.patch(`/tickets/${open.body.ref}`, { version: current.version, sensitivity: 'SENSITIVE' });
    const after = (await euJunior.get('/notifications')).body;
    expect(after.items.map((n: { ticketRef: string }) => n.ticketRef)).not.toContain(open.body.ref);
    expect(after.items.every((n: { subject: string }) => !n.subject.includes('Later reclassified'))).toBe(true);
  });

  it('keeps per-user preferences and renders notifications in the reader’s language', async () => {
    const prefs = await euJunior.put('/me/notification-preferences', {
      items: [{ kind: 'sla_warning', inApp: false, email: false }],
    });
    expect(prefs.body.items.find((p: { kind: string }) => p.kind === 'sla_warning')).toEqual({
      kind: 'sla_warning',
      inApp: false,
      email: false,
    });
    const { body } = await euAgent.post('/incidents', incidentBody({ title: 'Quiet warnings' }));
    await checkSla(server.db, server.instanceId, false, new Date(Date.now() + 90 * DAY));
    const mine = (await euJunior.get('/notifications', { 'accept-language': 'fr' })).body.items.filter(
      (n: { ticketRef: string }) => n.ticketRef === body.ref,
    );
    expect(mine.map((n: { kind: string }) => n.kind)).not.toContain('sla_warning');
    expect(mine.find((n: { kind: string }) => n.kind === 'sla_breached').subject).toMatch(/objectif .* dépassé/);
    expect((await euJunior.post('/notifications/read', { all: true })).status).toBe(204);
    expect((await euJunior.get('/notifications')).body.unread).toBe(0);
  });
});
