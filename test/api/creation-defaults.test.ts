import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatTicketRef } from '../../src/domain/identifiers.ts';
import type { PriorityMatrix } from '../../src/domain/priority.ts';
import { actorOf } from '../../src/services/auth/actor.ts';
import { recordWithKnownDefaults, type NewTicketInput } from '../../src/services/tickets/create-ticket.ts';
import { knownDefaults, StaleDefaults } from '../../src/services/tickets/creation-defaults.ts';
import type { ServiceContext } from '../../src/services/write-path/context.ts';
import {
  auditLog,
  groups,
  parties,
  ticketCounters,
  ticketEvents,
  tickets,
  users,
  webhookDeliveries,
  webhookSubscriptions,
} from '../../src/store/schema/index.ts';
import { incidentBody } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const ALL_P4 = Object.fromEntries(
  ['C1', 'C2', 'C3'].map((c) => [c, Object.fromEntries(['I1', 'I2', 'I3'].map((i) => [i, 'P4']))]),
) as PriorityMatrix;

/**
 * A creation through the API uses the party's defaults (matrix, desk, time zone, SLA version,
 * webhook subscriptions) as this node last read them, and issues its number in the same round trip
 * as the ticket, the store forming the identifier (create-ticket.ts, recordKnowing). Here the
 * defaults change behind the node's back, as another node would change them (written straight to
 * the store, no cache told): the very next creation must still be recorded with the current ones.
 */
describe.each(STORE_KINDS)('creation with the defaults this node knows (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');

  async function create(overrides: Record<string, unknown> = {}) {
    const created = await euAgent.post('/incidents', incidentBody(overrides));
    expect(created.status).toBe(201);
    return created.body as { id: string; ref: string; priority: string; group: { name: string } | null };
  }

  async function stored(id: string) {
    const [ticket] = await server.db.select().from(tickets).where(eq(tickets.id, id));
    const events = await server.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id));
    const audit = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'ticket.create')));
    return { ticket: ticket!, events, audit };
  }

  it('forms the identifier in the store as formatTicketRef does: ticket, created event and audit entry', async () => {
    await create(); // this node now knows EU's defaults
    const [first, second] = [await create(), await create()];
    const number = (ref: string) => Number(ref.split('-').at(-1));
    expect(number(second.ref)).toBe(number(first.ref) + 1);
    const year = Number(first.ref.split('-')[2]);
    expect(first.ref).toBe(formatTicketRef('EU', 'incident', year, number(first.ref)));
    const { ticket, events, audit } = await stored(second.id);
    expect(ticket.ref).toBe(second.ref);
    expect(events.find((e) => e.kind === 'created')!.data).toMatchObject({ ref: second.ref, title: ticket.title });
    expect(audit.map((a) => a.data)).toEqual([{ ref: second.ref, type: 'incident' }]);

    // Past 999,999 the number takes a seventh digit, as formatTicketRef gives it.
    await server.db
      .update(ticketCounters)
      .set({ last: 999_999 })
      .where(and(eq(ticketCounters.partyId, 'EU'), eq(ticketCounters.type, 'incident'), eq(ticketCounters.year, year)));
    const big = await create();
    expect(big.ref).toBe(`EU-INC-${year}-1000000`);
    expect(big.ref).toBe(formatTicketRef('EU', 'incident', year, 1_000_000));
    const bigStored = await stored(big.id);
    expect(bigStored.events.find((e) => e.kind === 'created')!.data).toMatchObject({ ref: big.ref });
    expect(bigStored.audit[0]!.data).toEqual({ ref: big.ref, type: 'incident' });
  });

  it('records with a priority matrix and a desk changed behind its back', async () => {
    await create();
    await server.db.update(parties).set({ priorityMatrix: ALL_P4 }).where(eq(parties.id, 'EU'));
    const [desk] = await server.db
      .select()
      .from(groups)
      .where(and(eq(groups.partyId, 'EU'), eq(groups.kind, 'desk')));
    await server.db.update(groups).set({ name: 'EU desk, renamed' }).where(eq(groups.id, desk!.id));
    try {
      const created = await create({ impact: 'I1', criticality: 'C1' });
      expect(created.priority).toBe('P4');
      expect(created.group?.name).toBe('EU desk, renamed');
      const { ticket, events } = await stored(created.id);
      expect(ticket.priority).toBe('P4');
      expect(events.find((e) => e.kind === 'created')!.data).toMatchObject({ priority: 'P4' });
    } finally {
      await server.db.update(parties).set({ priorityMatrix: null }).where(eq(parties.id, 'EU'));
      await server.db.update(groups).set({ name: desk!.name }).where(eq(groups.id, desk!.id));
    }
    expect((await create({ impact: 'I1', criticality: 'C1' })).priority).toBe('P1');
  });

  it('queues webhook deliveries for the subscriptions of the moment, not those it last read', async () => {
    const [admin] = await server.db.select().from(users).where(eq(users.username, 'eu.admin'));
    const subscribe = async () => {
      const id = randomUUID();
      await server.db.insert(webhookSubscriptions).values({
        id,
        partyId: 'EU',
        url: 'http://127.0.0.1:9/hook',
        eventKinds: [],
        clearance: 'LIMITED',
        secret: 'whsec_dGVzdA==',
        createdBy: admin!.id,
      });
      return id;
    };
    const deliveries = async (ticketId: string) =>
      (
        await server.db
          .select({ sub: webhookDeliveries.subscriptionId })
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.ticketId, ticketId))
      ).map((d) => d.sub);

    await create(); // known: no subscription
    const added = await subscribe();
    const withAdded = await create();
    expect(await deliveries(withAdded.id)).toEqual([added]);

    // Known now: one subscription. It goes; a delivery to it would break the foreign key.
    const gone = await subscribe();
    await create();
    await server.db.delete(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, gone));
    await server.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, gone));
    const afterDelete = await create();
    expect(await deliveries(afterDelete.id)).toEqual([added]);

    await server.db.delete(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, added));
    await server.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, added));
  });

  /** The service context of eu.agent and what the fast path is given (no API: nothing to fall back on). */
  async function direct() {
    const [user] = await server.db.select().from(users).where(eq(users.username, 'eu.agent'));
    const ctx: ServiceContext = { db: server.db, actor: actorOf(user!), instanceId: server.instanceId };
    const input: NewTicketInput = {
      ...incidentBody(),
      impact: 'I2',
      criticality: 'C1',
      type: 'incident',
      sensitivity: 'LIMITED',
      channel: 'api',
    };
    return { ctx, input };
  }

  it('rolls back a creation whose defaults changed: nothing written, no number used', async () => {
    await create();
    const { ctx, input } = await direct();
    const known = knownDefaults(server.db, 'EU', ['EU']);
    expect(known).toBeDefined();
    const count = async () => (await server.db.select({ n: sql<number>`count(*)::int` }).from(tickets))[0]!.n;
    const counters = () => server.db.select().from(ticketCounters).where(eq(ticketCounters.partyId, 'EU'));
    const [ticketsBefore, countersBefore] = [await count(), await counters()];

    const stale = { ...known!, deskName: 'A desk that was renamed since' };
    await expect(recordWithKnownDefaults(ctx, input, new Date(), stale)).rejects.toBeInstanceOf(StaleDefaults);
    expect(await count()).toBe(ticketsBefore);
    expect(await counters()).toEqual(countersBefore);

    // With the defaults as they are, the same call records, with the next number, stored everywhere.
    const recorded = await recordWithKnownDefaults(ctx, input, new Date(), known!);
    const last = countersBefore.find((c) => c.type === 'incident' && recorded.ticket.ref.includes(`-${c.year}-`))!;
    expect(recorded.ticket.ref).toBe(formatTicketRef('EU', 'incident', last.year, last.last + 1));
    expect(recorded.events[0]!.data).toMatchObject({ ref: recorded.ticket.ref });
    const { events, audit } = await stored(recorded.ticket.id);
    expect(events.find((e) => e.kind === 'created')!.data).toMatchObject({ ref: recorded.ticket.ref });
    expect(audit.map((a) => a.data)).toEqual([{ ref: recorded.ticket.ref, type: 'incident' }]);
  });

  it('issues consecutive numbers to concurrent creations on the fast path, each row carrying its own', async () => {
    await create();
    const { ctx, input } = await direct();
    const known = knownDefaults(server.db, 'EU', ['EU'])!;
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordWithKnownDefaults(ctx, { ...input, title: `Concurrent ${i}` }, new Date(), known),
      ),
    );
    const numbers = made.map((r) => Number(r.ticket.ref.split('-').at(-1))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers.at(-1)! - numbers[0]!).toBe(7);
    for (const { ticket } of made) {
      const { events, audit } = await stored(ticket.id);
      expect(events.find((e) => e.kind === 'created')!.data).toMatchObject({ ref: ticket.ref, title: ticket.title });
      expect(audit[0]!.data).toEqual({ ref: ticket.ref, type: 'incident' });
    }
  });
});
