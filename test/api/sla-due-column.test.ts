import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { importTicketsCsv } from '../../src/services/export/import-tickets-csv.ts';
import { backfillSlaDueOnce, refreshSlaDue } from '../../src/services/sla/refresh-sla-due.ts';
import { slaDueAtOf } from '../../src/services/sla/sla-due.ts';
import { tickets } from '../../src/store/schema/index.ts';
import { incidentBody } from '../helpers/client.ts';
import { partyDate } from '../helpers/dates.ts';
import { STORE_KINDS } from '../helpers/store.ts';
import { useServer } from '../helpers/suite.ts';

const HOUR = 3_600_000;

/**
 * `tickets.sla_due_at` (the queue's sort by SLA due time) always says what the ticket's facts and its
 * party's settings give: on every write path, after an import, after a settings change, and for rows
 * written before the column existed.
 */
describe.each(STORE_KINDS)('the next SLA due instant stored on each ticket (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euAdmin = as('eu.admin');

  const rowOf = async (ref: string) => {
    const [row] = await server.db.select().from(tickets).where(eq(tickets.ref, ref));
    return row!;
  };
  /** The stored value, and what the one computation gives now from the stored facts. */
  const dueOf = async (ref: string) => {
    const row = await rowOf(ref);
    return { stored: row.slaDueAt, computed: await slaDueAtOf(server.db, row, new Date()) };
  };
  const forget = (ref: string) => server.db.update(tickets).set({ slaDueAt: null }).where(eq(tickets.ref, ref));

  it('is set at creation and follows each action: paused (none), resumed, and events appended by another ticket', async () => {
    const { ref } = (await euAgent.post('/incidents', incidentBody({ title: 'Due path' }))).body;
    const created = await dueOf(ref);
    expect(created.stored).not.toBeNull();
    expect(created.stored).toEqual(created.computed);

    expect((await euAgent.post(`/tickets/${ref}/actions/pend`, { reason: 'Waiting' })).status).toBe(200);
    expect((await dueOf(ref)).stored).toBeNull();
    expect((await euAgent.post(`/tickets/${ref}/actions/resume`, {})).status).toBe(200);
    const resumed = await dueOf(ref);
    expect(resumed.stored).not.toBeNull();
    expect(resumed.stored).toEqual(resumed.computed);

    // A problem recorded from the incident appends a `linked` event to it (no action on the incident itself).
    await forget(ref);
    const problem = await euAgent.post('/problems', {
      title: 'Due problem',
      service: 'link',
      impact: 'I2',
      incidents: [ref],
    });
    expect(problem.status).toBe(201);
    const linked = await dueOf(ref);
    expect(linked.stored).not.toBeNull();
    expect(linked.stored).toEqual(linked.computed);
  });

  it('is set by the CSV import: open tickets get their due instant, closed ones none', async () => {
    const opened = new Date(Date.now() - 2 * HOUR).toISOString();
    const csv = [
      'external_id,title,service,impact,criticality,opened_at,first_intervention_at,resolved_at,resolution,closed_at',
      `DUE-1,Open imported,Link,I3,C1,${opened},,,,`,
      `DUE-2,Closed imported,Link,I3,C1,${opened},${opened},${opened},Done,${opened}`,
    ].join('\r\n');
    const result = await importTicketsCsv(server.db, { party: 'EU', csv, source: `due-${kind}` });
    const [open, closed] = result.tickets.map((t) => t.ref);
    const openDue = await dueOf(open!);
    expect(openDue.stored).not.toBeNull();
    expect(openDue.stored).toEqual(openDue.computed);
    expect((await dueOf(closed!)).stored).toBeNull();
  });

  it("is recomputed for the party's open tickets when its calendar changes, and filled in where it was never computed", async () => {
    // P4 (GTI 24 business hours) under office hours: due more than two days ahead.
    const { ref } = (
      await euAgent.post('/incidents', incidentBody({ title: 'Due calendar', impact: 'I3', criticality: 'C2' }))
    ).body;
    const before = (await dueOf(ref)).stored!;
    expect(before.getTime()).toBeGreaterThan(Date.now() + 48 * HOUR);
    // Round the clock from tomorrow (the earliest a version may start): the hours left run out by tomorrow's end.
    const version = await euAdmin.post('/parties/EU/calendar/versions', {
      effectiveFrom: partyDate(1),
      weekly: Array.from({ length: 7 }, () => [[0, 1440]]),
    });
    expect(version.status).toBe(201);
    expect((await dueOf(ref)).stored).toEqual(before); // not yet: the refresh is a job, run after the commit
    const ran = await runDueJobs(server.db, {
      sla_due_refresh: async (payload) => void (await refreshSlaDue(server.db, { party: String(payload.party) })),
    });
    expect(ran).toBe(1);
    const after = await dueOf(ref);
    expect(after.stored!.getTime()).toBeLessThan(Date.now() + 48 * HOUR);
    expect(after.stored).toEqual(after.computed);

    // A row written before the column existed: the start-up backfill fills it, and only where it is missing.
    await forget(ref);
    expect(await refreshSlaDue(server.db, { unset: true })).toBeGreaterThan(0);
    expect((await dueOf(ref)).stored).toEqual(after.stored);

    // A ticket without SLA facts runs no clock: its due instant stays null and the backfill does not read it again.
    const missing = await refreshSlaDue(server.db, { unset: true });
    await server.db.update(tickets).set({ slaFacts: null, slaDueAt: null }).where(eq(tickets.ref, ref));
    expect(await refreshSlaDue(server.db, { unset: true })).toBe(missing);
  });

  it('is backfilled at the first start only: a later start goes through no ticket again', async () => {
    const { ref } = (await euAgent.post('/incidents', incidentBody({ title: 'Backfilled once' }))).body;
    const computed = (await dueOf(ref)).stored;
    await forget(ref);
    // The test server runs no start-up task: this is the store's first backfill.
    expect(await backfillSlaDueOnce(server.db)).toBeGreaterThan(0);
    expect((await dueOf(ref)).stored).toEqual(computed);
    // Every write computes the column from then on, so the next start has nothing to fill in.
    await forget(ref);
    expect(await backfillSlaDueOnce(server.db)).toBe(0);
    expect((await dueOf(ref)).stored).toBeNull();
  });
});
