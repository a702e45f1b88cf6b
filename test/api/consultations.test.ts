import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCbm } from '../../src/jobs/cbm-checks.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';
import { thirdPartyAgent } from '../helpers/third-party.ts';

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

describe.each(STORE_KINDS)('consultations between two parties (CBM-5) (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let chAgent: Client;
  let chAgent2: Client;
  let atAgent: Client;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAgent, chAgent, chAgent2] = await Promise.all([
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'ch.agent'),
      signIn(server.url, 'ch.agent2'),
    ]);
    atAgent = await thirdPartyAgent(server.db, server.url);
  });
  afterAll(() => server.close());

  const ask = (body: Record<string, unknown> = {}) =>
    euAgent.post('/consultations', {
      title: 'Scanning from an address announced by CH',
      situation: 'We see scans from an address block CH announced; we want to rule out a misunderstanding.',
      party: 'CH',
      service: 'link',
      sensitivity: 'SENSITIVE',
      acknowledgeBy: hours(4),
      answerBy: hours(48),
      ...body,
    });

  it('runs requested → acknowledged → answered → concluded, each step by the right party', async () => {
    const created = await ask();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'consultation',
      status: 'requested',
      participants: ['EU', 'CH'],
      details: { consultedParty: 'CH', overdue: null, answer: null },
    });
    expect(created.body.ref).toMatch(/^EU-CON-\d{4}-\d{6}$/);
    const ref = created.body.ref;
    // The asking party cannot acknowledge for the consulted one.
    expect((await euAgent.post(`/tickets/${ref}/actions/acknowledge`, {})).status).toBe(403);
    // CH's desk is told it is asked; the third party is not.
    expect(JSON.stringify((await chAgent.get('/notifications')).body)).toContain('Consultation requested');
    expect(JSON.stringify((await atAgent.get('/notifications')).body)).not.toContain(ref);
    const chView = await chAgent.get(`/tickets/${ref}`);
    expect(chView.body.allowedActions).toContain('acknowledge');
    expect(chView.body.allowedActions).not.toContain('transfer');
    const acknowledged = await chAgent.post(`/tickets/${ref}/actions/acknowledge`, {});
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.status).toBe('acknowledged');
    expect(acknowledged.body.details.acknowledgedAt).toBeTruthy();
    // Outcome only after the answer.
    expect((await euAgent.post(`/tickets/${ref}/actions/record_outcome`, { outcome: 'x' })).status).toBe(409);
    const answered = await chAgent.post(`/tickets/${ref}/actions/answer`, {
      answer: 'Authorised penetration test, announced on the list.',
    });
    expect(answered.body).toMatchObject({ status: 'answered', details: { answeredAt: expect.any(String) } });
    expect((await chAgent.post(`/tickets/${ref}/actions/record_outcome`, { outcome: 'x' })).status).toBe(403);
    const concluded = await euAgent.post(`/tickets/${ref}/actions/record_outcome`, {
      outcome: 'Misunderstanding cleared; no escalation.',
    });
    expect(concluded.body).toMatchObject({ status: 'concluded', details: { outcome: expect.any(String) } });
    const kinds = concluded.body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['consultation_acknowledged', 'consultation_answered', 'consultation_outcome']),
    );
  });

  it('is seen only by the two parties involved, and only with the clearance it needs', async () => {
    const ref = (await ask()).body.ref;
    // A third party, even cleared CRITICAL: not on the consultation → 404 everywhere.
    expect((await atAgent.get(`/tickets/${ref}`)).status).toBe(404);
    expect((await atAgent.post(`/tickets/${ref}/actions/comment`, { body: 'hi', visibility: 'shared' })).status).toBe(
      404,
    );
    const atList = await atAgent.get('/tickets?type=consultation');
    expect(atList.body.items.map((t: { ref: string }) => t.ref)).not.toContain(ref);
    expect((await atAgent.get(`/tickets?q=${encodeURIComponent('Scanning')}`)).body.items).toEqual([]);
    // CH's agent with LIMITED clearance does not see a SENSITIVE consultation.
    expect((await chAgent2.get(`/tickets/${ref}`)).status).toBe(404);
    expect((await chAgent2.post(`/tickets/${ref}/actions/acknowledge`, {})).status).toBe(404);
    // The consulted party sees it in its queue.
    const chList = await chAgent.get('/tickets?type=consultation');
    expect(chList.body.items.map((t: { ref: string }) => t.ref)).toContain(ref);
  });

  it('reports a missed deadline and refuses bad input without recording anything', async () => {
    const bad = await ask({ acknowledgeBy: hours(-1) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('acknowledgeBy');
    const order = await ask({ acknowledgeBy: hours(10), answerBy: hours(5) });
    expect(order.status).toBe(400);
    expect(order.body.error.field).toBe('answerBy');
    const self = await euAgent.post(
      '/consultations',
      { title: 't', situation: 's', party: 'EU', service: 'link', acknowledgeBy: hours(1), answerBy: hours(2) },
      { 'accept-language': 'fr' },
    );
    expect(self.status).toBe(400);
    expect(self.body.error).toMatchObject({ field: 'party' });
    expect(self.body.error.message).toContain('autre partie');
    const nobody = await ask({ party: 'ZZ' });
    expect(nobody.status).toBe(404);
    const before = (await euAgent.get('/tickets?type=consultation')).body.items.length;
    expect(before).toBeGreaterThan(0);
    // A consultation whose acknowledgement deadline passed shows it as overdue (clock moved by writing the row).
    const ref = (await ask({ acknowledgeBy: new Date(Date.now() + 1500).toISOString(), answerBy: hours(1) })).body.ref;
    await new Promise((r) => setTimeout(r, 2000));
    expect((await chAgent.get(`/tickets/${ref}`)).body.details.overdue).toBe('acknowledgement');
    // The background check brings it to CH's desk once; the third party and the lower clearance never see it.
    expect((await checkCbm(server.db)).consultations).toBeGreaterThanOrEqual(1);
    expect((await checkCbm(server.db)).consultations).toBe(0);
    expect(JSON.stringify((await chAgent.get('/notifications')).body)).toContain(ref);
    expect(JSON.stringify((await atAgent.get('/notifications')).body)).not.toContain(ref);
  }, 20_000);
});
