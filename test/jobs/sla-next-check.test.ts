import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkSla } from '../../src/jobs/sla-monitor.ts';
import { tickets } from '../../src/store/schema/index.ts';
import { appendEvents } from '../../src/services/write-path/record-events.ts';
import type { PendingEvent } from '../../src/store/ticket-writes.ts';
import { incidentBody } from '../helpers/client.ts';
import { partyDate } from '../helpers/dates.ts';
import { STORE_KINDS } from '../helpers/store.ts';
import { useServer } from '../helpers/suite.ts';

const DAY = 86_400_000;

/** The SLA check reads only the tickets whose `sla_next_check_at` has come (issue 16). */
describe.each(STORE_KINDS)('SLA check by next instant (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euAdmin = as('eu.admin');

  async function row(id: string) {
    const [found] = await server.db.select().from(tickets).where(eq(tickets.id, id));
    return found!;
  }
  const check = (at: number) => checkSla(server.db, server.instanceId, false, new Date(at));

  it('stores the instant of the first threshold and signals it then, not a millisecond before', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C1' }));
    const created = await row(body.id);
    const first = created.slaNextCheckAt!.getTime();
    expect(first).toBeGreaterThan(Date.now());

    await check(first - 1);
    const untouched = await row(body.id);
    expect(untouched.slaAlerts).toEqual([]);
    expect(untouched.version).toBe(created.version);
    expect(untouched.updatedAt).toEqual(created.updatedAt);
    expect(untouched.slaNextCheckAt).toEqual(created.slaNextCheckAt);

    await check(first);
    const warned = await row(body.id);
    expect(warned.slaAlerts).toEqual(['gti:warning']);
    const second = warned.slaNextCheckAt!.getTime();
    expect(second).toBeGreaterThan(first);
    await check(second - 1);
    expect((await row(body.id)).slaAlerts).toEqual(['gti:warning']);
    await check(second);
    expect((await row(body.id)).slaAlerts).toHaveLength(2);
  });

  it('does not read a ticket whose next instant is still to come, whatever its clocks say', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C1' }));
    const later = new Date(Date.now() + 365 * DAY);
    await server.db.update(tickets).set({ slaNextCheckAt: later }).where(eq(tickets.id, body.id));
    await check(Date.now() + 30 * DAY);
    const after = await row(body.id);
    expect(after.slaAlerts).toEqual([]);
    expect(after.slaNextCheckAt).toEqual(later);
    // Once its instant comes, every threshold crossed since is signalled, each once.
    await check(later.getTime());
    expect([...(await row(body.id)).slaAlerts].sort()).toEqual(
      ['gte:breached', 'gte:warning', 'gti:breached', 'gti:warning', 'gtr:breached', 'gtr:warning'].sort(),
    );
    await check(later.getTime() + DAY);
    expect((await row(body.id)).slaAlerts).toHaveLength(6);
  });

  it('clears the instant when no clock runs, and sets it again when one restarts', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C1' }));
    await euAgent.post(`/tickets/${body.ref}/actions/comment`, { body: 'On it', visibility: 'shared' });
    const pending = await euAgent.post(`/tickets/${body.ref}/actions/pend`, { reason: 'Waiting' });
    expect(pending.status).toBe(200);
    expect((await row(body.id)).slaNextCheckAt).toBeNull();
    expect((await euAgent.post(`/tickets/${body.ref}/actions/resume`, {})).status).toBe(200);
    const resumed = await row(body.id);
    expect(resumed.slaNextCheckAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('computes the instant again when an appended event changes the facts, as the check would', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody({ impact: 'I3', criticality: 'C3' }));
    const before = (await row(body.id)).slaNextCheckAt!.getTime();
    const author = { actorId: null, actorName: 'Passerelle', party: 'EU', instanceId: server.instanceId };
    const now = new Date();
    const append = (event: PendingEvent) =>
      server.db.transaction((tx) => appendEvents(tx, body.id, author, [event], now));
    const other = { otherId: body.id, otherRef: body.ref, direction: 'to' as const };
    await append({ event: { kind: 'linked', data: { linkKind: 'relates_to', ...other } } });
    expect((await row(body.id)).slaNextCheckAt!.getTime()).toBe(before);
    await append({ event: { kind: 'status_changed', data: { from: 'recorded', to: 'pending', action: 'pend' } } });
    // Resolution clocks wait while pending, but the GTI (no intervention yet) runs on, so its
    // warning is still the next threshold; a pass of the check leaves the instant as written.
    const appended = (await row(body.id)).slaNextCheckAt!.getTime();
    expect(appended).toBe(before);
    await check(now.getTime());
    expect((await row(body.id)).slaNextCheckAt!.getTime()).toBe(appended);
    // Resuming starts the resolution clocks again: the instant written is the one the check finds.
    await append({ event: { kind: 'status_changed', data: { from: 'pending', to: 'in_progress', action: 'resume' } } });
    const after = (await row(body.id)).slaNextCheckAt!.getTime();
    await check(now.getTime());
    expect((await row(body.id)).slaNextCheckAt!.getTime()).toBe(after);
  });

  it('moves the instant when the owner’s calendar changes', async () => {
    // P5, on business hours: the GTI (48 business hours) warns days ahead.
    const { body } = await euAgent.post('/incidents', incidentBody({ impact: 'I3', criticality: 'C3' }));
    const before = (await row(body.id)).slaNextCheckAt!.getTime();
    expect(before).toBeGreaterThan(Date.now() + DAY);
    const edited = await euAdmin.post('/parties/EU/calendar/versions', {
      effectiveFrom: partyDate(1),
      weekly: Array.from({ length: 7 }, () => [[0, 1440]]),
    });
    expect(edited.status).toBe(201);
    // The change bumps the party's stamp; the next pass recomputes its open tickets' instants.
    expect((await row(body.id)).slaNextCheckAt!.getTime()).toBe(before);
    await check(Date.now());
    const after = (await row(body.id)).slaNextCheckAt!.getTime();
    expect(after).toBeGreaterThan(Date.now());
    expect(after).toBeLessThan(before);
    expect((await row(body.id)).slaAlerts).toEqual([]);
    await check(after - 1);
    expect((await row(body.id)).slaAlerts).toEqual([]);
    await check(after);
    // P5: the GTI and the GTE both take 48 business hours, so both warn at once.
    expect([...(await row(body.id)).slaAlerts].sort()).toEqual(['gte:warning', 'gti:warning']);
  });

  it('signals the other due tickets when one ticket’s check throws, and looks at that one again later', async () => {
    const broken = (await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C1' }))).body;
    const sound = (await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C1' }))).body;
    // Unreadable details: locking the ticket to signal it raises CorruptRowError.
    await server.db.execute(sql`UPDATE tickets SET details = '"corrupt"'::jsonb WHERE id = ${broken.id}`);
    const due = Math.max(
      (await row(broken.id)).slaNextCheckAt!.getTime(),
      (await row(sound.id)).slaNextCheckAt!.getTime(),
    );
    const logged: unknown[] = [];
    await checkSla(server.db, server.instanceId, false, new Date(due), 200, (error) => logged.push(error));
    expect((await row(sound.id)).slaAlerts).toEqual(['gti:warning']);
    const failed = await row(broken.id);
    expect(failed.slaAlerts).toEqual([]);
    expect(failed.slaNextCheckAt!.getTime()).toBeGreaterThan(due);
    expect(logged.map((e) => String((e as Error).message))).toEqual([expect.stringContaining(broken.id)]);
    expect((logged[0] as Error).cause).toBeInstanceOf(Error);
  });
});
