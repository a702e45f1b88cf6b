import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { slaColumnsOf } from '../../src/services/sla/sla-next-check.ts';
import { slaOfTickets } from '../../src/services/sla/ticket-sla.ts';
import type { Db } from '../../src/store/db.ts';
import * as schema from '../../src/store/schema/index.ts';
import { tickets } from '../../src/store/schema/index.ts';
import { incidentBody } from '../helpers/client.ts';
import { partyDate } from '../helpers/dates.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const HOUR = 3_600_000;

interface Clock {
  targetMs: number;
  /** An ISO instant in answers, milliseconds in the domain. */
  dueAt: string | number | null;
}
type Sla = Record<'gti' | 'gtr' | 'gte', Clock>;

/** What a clock's answer depends on through the SLA settings (elapsed time depends on the instant of the answer). */
function settingsOf(sla: Sla) {
  return Object.fromEntries(
    (['gti', 'gtr', 'gte'] as const).map((c) => {
      const { targetMs, dueAt } = sla[c];
      return [c, { targetMs, dueAt: dueAt === null ? null : new Date(dueAt).toISOString() }];
    }),
  );
}

/**
 * Every node caches each party's SLA settings (store/sla.ts) and creation reads them inside its
 * transaction: a calendar or maintenance window change must be seen by the very next creation —
 * its answer and the SLA columns it stores — exactly as a node that never cached them computes it.
 */
describe.each(STORE_KINDS)('SLA settings cache and the next creation (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euAdmin = as('eu.admin');

  /** A second handle on the same database: its own (empty) cache, so it reads the settings afresh. */
  function uncached(): Db {
    const client = (server.db as unknown as { $client: unknown }).$client;
    return (kind === 'pglite'
      ? drizzlePglite(client as PGlite, { schema })
      : drizzlePg(client as Pool, { schema })) as unknown as Db;
  }

  /** Records a P5 incident through the API and checks its answer and stored SLA columns against an uncached computation. */
  let recorded = 0;
  async function recordAndCheck() {
    const title = `Registry replication lag ${++recorded}`;
    const created = await euAgent.post('/incidents', incidentBody({ title, impact: 'I3', criticality: 'C3' }));
    expect(created.status).toBe(201);
    const [row] = await server.db.select().from(tickets).where(eq(tickets.id, created.body.id));
    const fresh = uncached();
    const expected = (await slaOfTickets(fresh, [row!], Date.now())).get(row!.id)!;
    expect(settingsOf(created.body.sla)).toEqual(settingsOf(expected as unknown as Sla));
    const columns = await slaColumnsOf(fresh, row!, row!.createdAt);
    expect({ slaDueAt: row!.slaDueAt, slaNextCheckAt: row!.slaNextCheckAt }).toEqual(columns);
    return created.body as { id: string; ref: string; sla: Sla };
  }

  it('sees a calendar version, then a maintenance window, at the next creation', async () => {
    const before = await recordAndCheck(); // fills this node's cache

    // From tomorrow every hour counts: an 80-hour resolution target ends days earlier.
    const version = await euAdmin.post('/parties/EU/calendar/versions', {
      effectiveFrom: partyDate(1),
      weekly: Array.from({ length: 7 }, () => [[0, 1440]]),
    });
    expect(version.status).toBe(201);
    const afterCalendar = await recordAndCheck();
    expect(Date.parse(String(afterCalendar.sla.gtr.dueAt))).toBeLessThan(
      Date.parse(String(before.sla.gtr.dueAt)) - 10 * HOUR,
    );

    // A day-long window from tomorrow noon (Paris) stops that clock: it ends later again.
    const startsAt = new Date(`${partyDate(1)}T12:00:00+01:00`);
    const window = await euAdmin.post('/maintenance-windows', {
      title: 'Core switch replacement',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 24 * HOUR).toISOString(),
    });
    expect(window.status).toBe(201);
    const afterWindow = await recordAndCheck();
    expect(Date.parse(String(afterWindow.sla.gtr.dueAt))).toBeGreaterThan(
      Date.parse(String(afterCalendar.sla.gtr.dueAt)) + 1 * HOUR,
    );

    // Cancelling it is seen too.
    expect((await euAdmin.del(`/maintenance-windows/${window.body.id}`)).status).toBeLessThan(300);
    const afterCancel = await recordAndCheck();
    expect(Date.parse(String(afterCancel.sla.gtr.dueAt))).toBeLessThan(
      Date.parse(String(afterWindow.sla.gtr.dueAt)) - 1 * HOUR,
    );
  });

  it('answers a creation exactly as the ticket is then read, timeline included', async () => {
    const created = await euAgent.post(
      '/incidents',
      incidentBody({ impact: 'I3', criticality: 'C3', priority: 'P2', priorityReason: 'Customer-facing' }),
    );
    expect(created.status).toBe(201);
    const read = await euAgent.get(`/tickets/${created.body.ref}`);
    const { sla: createdSla, ...createdRest } = created.body;
    const { sla: readSla, ...readRest } = read.body;
    expect(createdRest).toEqual(readRest);
    expect(createdRest.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'field_changed']);
    expect(settingsOf(createdSla)).toEqual(settingsOf(readSla));
  });
});
