import { describe, expect, it } from 'vitest';
import { actorOf } from '../../src/services/auth/actor.ts';
import { createIncident } from '../../src/services/incidents/create-incident.ts';
import { findUserByName } from '../../src/store/directory.ts';
import { incidentBody, type Client } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('queue: sort by the next SLA due time (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euJunior = as('eu.agent2'); // LIMITED clearance
  const chResolver = as('ch.resolver');

  const refsOf = async (who: Client, query: string) => {
    const refs: string[] = [];
    let cursor: string | null = null;
    // Pages of two, so the keyset continues across instants and into the tickets with no running clock.
    do {
      const reply: { status: number; body: { items: { ref: string }[]; nextCursor: string | null } } = await who.get(
        `/tickets?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(reply.status).toBe(200);
      refs.push(...reply.body.items.map((t) => t.ref));
      cursor = reply.body.nextCursor;
    } while (cursor);
    return refs;
  };

  it('lists tickets by their next due instant, overdue first and those with no running clock last, under the visibility rule', async () => {
    const marker = 'Duesortmarker';
    const user = await findUserByName(server.db, 'eu.agent');
    const ctxAt = (at: number) => ({
      db: server.db,
      actor: actorOf(user!),
      instanceId: server.instanceId,
      now: () => new Date(at),
    });
    // Opened ten days ago at P4 (GTI 24 business hours): overdue now.
    const old = await createIncident(ctxAt(Date.now() - 10 * DAY), {
      ...incidentBody({ title: `${marker} old P4` }),
      impact: 'I3',
      criticality: 'C2',
    });
    expect(old.priority).toBe('P4');
    // Opened now at P3 (GTI 4 h) and at P1 (GTI 30 min): the P1 is due first.
    const p3 = (
      await euAgent.post('/incidents', incidentBody({ title: `${marker} new P3`, impact: 'I3', criticality: 'C1' }))
    ).body;
    const p1 = (
      await euAgent.post('/incidents', incidentBody({ title: `${marker} new P1`, impact: 'I1', criticality: 'C1' }))
    ).body;
    expect([p3.priority, p1.priority]).toEqual(['P3', 'P1']);
    // Pending with a first intervention made: no clock runs, so it comes last.
    const waiting = (await euAgent.post('/incidents', incidentBody({ title: `${marker} pending` }))).body;
    const waiting2 = (await euAgent.post('/incidents', incidentBody({ title: `${marker} pending too` }))).body;
    for (const pending of [waiting, waiting2]) {
      const pended = await euAgent.post(`/tickets/${pending.ref}/actions/pend`, { reason: 'Waiting for the reporter' });
      expect(pended.status).toBe(200);
    }
    expect(waiting.id).toMatch(/^[0-9a-f-]{36}$/);
    // Among tickets with no running clock the order is by id, as the keyset continues through them.
    const idOrder = [waiting, waiting2].sort((a, b) => (a.id < b.id ? -1 : 1)).map((t) => t.ref as string);
    // A SENSITIVE P2 (GTI 2 h), due between the P1 and the P3, that a LIMITED reader must not see.
    const secret = (
      await euAgent.post(
        '/incidents',
        incidentBody({ title: `${marker} sensitive P2`, impact: 'I2', criticality: 'C1', sensitivity: 'SENSITIVE' }),
      )
    ).body;
    expect(secret.priority).toBe('P2');

    const ordered = await refsOf(euAgent, `q=${marker}&sort=slaDueAt`);
    expect(ordered).toEqual([old.ref, p1.ref, secret.ref, p3.ref, ...idOrder]);
    // The order is the one the clocks themselves give (the list's own SLA block).
    const listed = (await euAgent.get(`/tickets?q=${marker}&sort=slaDueAt`)).body.items as {
      ref: string;
      sla: { gti: { dueAt: string | null }; gtr: { dueAt: string | null } };
    }[];
    const p1Due = listed.find((t) => t.ref === p1.ref)!.sla.gti.dueAt!;
    const p3Due = listed.find((t) => t.ref === p3.ref)!.sla.gti.dueAt!;
    expect(Date.parse(p1Due)).toBeLessThan(Date.parse(p3Due));

    // Visibility first: a lower clearance loses the sensitive ticket, another party sees none of them.
    // (pages of two end on a ticket with no clock here: the cursor then continues among those)
    expect(await refsOf(euJunior, `q=${marker}&sort=slaDueAt`)).toEqual([old.ref, p1.ref, p3.ref, ...idOrder]);
    expect(await refsOf(chResolver, `q=${marker}&sort=slaDueAt`)).toEqual([]);
  });

  it('refuses a descending SLA sort and a cursor of another sort, naming the field', async () => {
    const descending = await euAgent.get('/tickets?sort=-slaDueAt');
    expect(descending.status).toBe(400);
    expect(descending.body.error.field).toBe('sort');
    const priorityCursor = Buffer.from(JSON.stringify({ v: 'P1', id: crypto.randomUUID() })).toString('base64url');
    const mixed = await euAgent.get(`/tickets?sort=slaDueAt&cursor=${priorityCursor}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.field).toBe('cursor');
  });
});
