import { sql } from 'drizzle-orm';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueWebhooks } from '../../src/services/webhooks/deliver-webhooks.ts';
import { claimDueDelivery } from '../../src/store/webhooks.ts';
import { createUser } from '../../src/services/parties/create-user.ts';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

interface Received {
  headers: Record<string, string>;
  body: string;
  json: { type: string; data: { ticket: { ref: string }; event: { seq: number; kind: string } } };
}

/** A real HTTP receiver answering with the statuses queued in `plan` (200 once it is empty). */
async function receiver() {
  const received: Received[] = [];
  const plan: number[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = plan.shift() ?? 200;
      if (status === 200)
        received.push({ headers: req.headers as Record<string, string>, body, json: JSON.parse(body) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, plan, close: () => new Promise((r) => server.close(r)) };
}

describe.each(STORE_KINDS)('webhooks (%s)', (kind) => {
  let server: TestServer;
  let euAdmin: Client;
  let chAdmin: Client;
  let euAgent: Client;
  let chAgent: Client;
  let hook: Awaited<ReturnType<typeof receiver>>;
  const settings = { retryBaseMs: 1000 };
  let clock = Date.now();
  /** Runs the sender at a moment `ms` later than the previous run. */
  const tick = async (ms = 0) => {
    clock = Math.max(clock, Date.now()) + ms;
    return deliverDueWebhooks(server.db, settings, new Date(clock));
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    hook = await receiver();
    [euAdmin, chAdmin, euAgent, chAgent] = await Promise.all([
      signIn(server.url, 'eu.admin'),
      signIn(server.url, 'ch.admin'),
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'ch.agent'),
    ]);
  });
  afterAll(async () => {
    await hook.close();
    await server.close();
  });

  it('refuses a URL outside http(s), plain http off this machine, a clearance above the creator’s, and non-admins', async () => {
    for (const url of [
      'ftp://example.org/hook',
      'file:///etc/passwd',
      'http://example.org/hook',
      'not a url',
      'https://user:pw@example.org/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://10.1.2.3/hook',
      'https://[fd00::1]/hook',
    ]) {
      const bad = await euAdmin.post('/webhooks', { url, eventKinds: [], clearance: 'LIMITED' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('url');
    }
    const fr = await euAdmin.post(
      '/webhooks',
      { url: 'gopher://x', eventKinds: [], clearance: 'LIMITED' },
      { 'accept-language': 'fr' },
    );
    expect(fr.body.error.message).toMatch(/URL https/);
    // eu.admin is cleared LIMITED.
    const above = await euAdmin.post('/webhooks', { url: hook.url, eventKinds: [], clearance: 'SENSITIVE' });
    expect(above.status).toBe(403);
    expect(above.body.error).toMatchObject({ code: 'webhook.clearance_above_own', field: 'clearance' });
    expect((await euAgent.post('/webhooks', { url: hook.url, eventKinds: [], clearance: 'LIMITED' })).status).toBe(403);
    expect(
      (await euAdmin.post('/webhooks', { url: hook.url, eventKinds: ['nope'], clearance: 'LIMITED' })).body.error.field,
    ).toBe('eventKinds.0');
    expect((await euAdmin.get('/webhooks')).body.items).toEqual([]);
  });

  let subId = '';
  let secret = '';
  it('delivers signed events of visible tickets only, within the clearance, in order per ticket, retrying after 500s', async () => {
    const created = await euAdmin.post('/webhooks', { url: hook.url, eventKinds: [], clearance: 'LIMITED' });
    expect(created.status).toBe(201);
    subId = created.body.id;
    secret = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    expect((await euAdmin.get(`/webhooks/${subId}`)).body.secret).toBeUndefined();
    expect((await chAdmin.get(`/webhooks/${subId}`)).status).toBe(404);
    expect((await chAdmin.get(`/webhooks/${subId}/deliveries`)).status).toBe(404);

    const visible = (await euAgent.post('/incidents', incidentBody({ title: 'Webhook visible' }))).body;
    const secretOne = (await euAgent.post('/incidents', incidentBody({ title: 'Above', sensitivity: 'SENSITIVE' })))
      .body;
    expect(secretOne.sensitivity).toBe('SENSITIVE');
    const chPrivate = (await chAgent.post('/incidents', incidentBody({ title: 'CH only' }))).body;
    expect(chPrivate.participants).toEqual(['CH']);
    await euAgent.post(`/tickets/${visible.ref}/actions/comment`, { body: 'first', visibility: 'shared' });
    await euAgent.post(`/tickets/${visible.ref}/actions/comment`, { body: 'second', visibility: 'shared' });
    await euAgent.post(`/tickets/${secretOne.ref}/actions/comment`, { body: 'hidden', visibility: 'shared' });
    await chAgent.post(`/tickets/${chPrivate.ref}/actions/comment`, { body: 'hidden', visibility: 'shared' });

    hook.plan.push(500, 500);
    await tick();
    expect(hook.received).toHaveLength(0); // the ticket's first event failed: the later ones wait behind it
    await tick(500);
    expect(hook.received).toHaveLength(0); // not yet due (back-off 1 s)
    await tick(1000);
    expect(hook.received).toHaveLength(0); // second 500, next in 2 s
    await tick(2000);
    const seqs = hook.received.map((r) => r.json.data.event.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(3);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(hook.received.map((r) => r.json.data.ticket.ref))).toEqual(new Set([visible.ref]));
    const wh = new Webhook(secret);
    for (const r of hook.received) expect(wh.verify(r.body, r.headers)).toMatchObject({ type: r.json.type });
    expect(() => wh.verify(hook.received[0]!.body.replace('Webhook', 'Tampered'), hook.received[0]!.headers)).toThrow();

    const log = (await euAdmin.get(`/webhooks/${subId}/deliveries`)).body.items;
    const first = log.at(-1);
    expect(first).toMatchObject({ status: 'delivered', ref: visible.ref, attempts: 3 });
    expect(first.log.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
    expect(log.every((d: { ref: string }) => d.ref === visible.ref)).toBe(true);

    // Replay: the same message id again.
    const count = hook.received.length;
    expect((await euAdmin.post(`/webhooks/${subId}/deliveries/${first.id}/replay`)).status).toBe(204);
    expect((await chAdmin.post(`/webhooks/${subId}/deliveries/${first.id}/replay`)).status).toBe(404);
    await tick();
    expect(hook.received).toHaveLength(count + 1);
    expect(hook.received.at(-1)!.headers['webhook-id']).toBe(first.id);
  });

  it('pauses an endpoint that keeps failing, tells its administrator, and resumes without losing events', async () => {
    const ticket = (await euAgent.post('/incidents', incidentBody({ title: 'Failing endpoint' }))).body;
    const before = hook.received.length;
    hook.plan.push(500, 500, 500, 500, 500);
    await tick();
    for (let i = 0; i < 6; i++) await tick(3_600_000);
    const sub = (await euAdmin.get(`/webhooks/${subId}`)).body;
    expect(sub).toMatchObject({ status: 'paused', pausedReason: 'failures' });
    expect(hook.received).toHaveLength(before);
    const notes = (await euAdmin.get('/notifications')).body.items;
    expect(notes.some((n: { kind: string }) => n.kind === 'webhook_paused')).toBe(true);
    await euAgent.post(`/tickets/${ticket.ref}/actions/comment`, { body: 'while paused', visibility: 'shared' });
    await tick(3_600_000);
    expect(hook.received).toHaveLength(before);
    expect((await euAdmin.patch(`/webhooks/${subId}`, { status: 'active' })).body.status).toBe('active');
    await tick(3_600_000);
    const got = hook.received.slice(before).filter((r) => r.json.data.ticket.ref === ticket.ref);
    expect(got.map((r) => r.json.data.event.kind)).toContain('comment');
    expect(got.map((r) => r.json.data.event.seq)).toEqual(
      [...got.map((r) => r.json.data.event.seq)].sort((a, b) => a - b),
    );
  });

  it("keeps another party's internal events out, withholds a ticket raised above the clearance, survives a dead worker", async () => {
    const ticket = (await euAgent.post('/incidents', incidentBody({ title: 'Shared with CH' }))).body;
    await euAgent.post(`/tickets/${ticket.ref}/actions/transfer`, { party: 'CH' });
    await chAgent.post(`/tickets/${ticket.ref}/actions/comment`, { body: 'CH internal', visibility: 'internal' });
    await euAgent.post(`/tickets/${ticket.ref}/actions/comment`, { body: 'EU internal', visibility: 'internal' });
    // A worker claims the first delivery and dies: the lease holds it back, then it comes back.
    const claimed = await claimDueDelivery(server.db, new Date(Math.max(clock, Date.now())), 60_000);
    expect(claimed).not.toBeNull();
    const before = hook.received.length;
    await tick();
    expect(hook.received).toHaveLength(before); // the claimed head holds its ticket's line
    await tick(61_000);
    const got = hook.received.slice(before).filter((r) => r.json.data.ticket.ref === ticket.ref);
    const comments = got.filter((r) => r.json.data.event.kind === 'comment');
    expect(comments.map((r) => (r.json.data.event as unknown as { party: string }).party)).toEqual(['EU']);
    expect(got.map((r) => r.json.data.event.seq)).toEqual(
      [...got.map((r) => r.json.data.event.seq)].sort((a, b) => a - b),
    );

    const other = (await euAgent.post('/incidents', incidentBody({ title: 'Raised later' }))).body;
    await tick();
    const count = hook.received.length;
    await euAgent.post(`/tickets/${other.ref}/actions/comment`, { body: 'before raising', visibility: 'shared' });
    const current = (await euAgent.get(`/tickets/${other.ref}`)).body;
    const raised = await euAgent.patch(`/tickets/${other.ref}`, { version: current.version, sensitivity: 'SENSITIVE' });
    expect(raised.body.sensitivity).toBe('SENSITIVE');
    await tick();
    expect(hook.received).toHaveLength(count);
    // The log no longer shows it to the LIMITED administrator; the row says why it was not sent.
    const log = (await euAdmin.get(`/webhooks/${subId}/deliveries`)).body.items;
    expect(log.some((d: { ref: string }) => d.ref === other.ref)).toBe(false);
    const stored = (await server.db.execute(
      sql`select d.status from webhook_deliveries d join tickets t on t.id = d.ticket_id
          where t.ref = ${other.ref} and d.event_kind = 'comment'`,
    )) as unknown as { rows: { status: string }[] };
    expect(stored.rows.map((r) => r.status)).toEqual(['withheld']);
  });

  it('keeps a higher-cleared subscription out of a lower-cleared administrator’s hands', async () => {
    await createUser(server.db, {
      party: 'EU',
      username: 'eu.admin2',
      displayName: 'EU Senior Administrator',
      password: 'a-long-test-password',
      roles: ['party_admin'],
      clearance: 'SENSITIVE',
    });
    const senior = await signIn(server.url, 'eu.admin2', 'a-long-test-password');
    const created = await senior.post('/webhooks', { url: hook.url, eventKinds: ['created'], clearance: 'SENSITIVE' });
    expect(created.status).toBe(201);
    const sensitive = (
      await euAgent.post('/incidents', incidentBody({ title: 'Sensitive one', sensitivity: 'SENSITIVE' }))
    ).body;
    await tick();
    expect(hook.received.some((r) => r.json.data.ticket.ref === sensitive.ref)).toBe(true);
    const seniorLog = (await senior.get(`/webhooks/${created.body.id}/deliveries`)).body.items;
    const line = seniorLog.find((d: { ref: string }) => d.ref === sensitive.ref);
    expect(line).toBeDefined();
    // The LIMITED administrator sees the subscription, but not the sensitive ticket in its log, and cannot redirect or replay it.
    expect((await euAdmin.get('/webhooks')).body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
    const juniorLog = (await euAdmin.get(`/webhooks/${created.body.id}/deliveries`)).body.items;
    expect(juniorLog.some((d: { ref: string }) => d.ref === sensitive.ref)).toBe(false);
    const redirect = await euAdmin.patch(`/webhooks/${created.body.id}`, { url: 'https://elsewhere.example/hook' });
    expect(redirect.status).toBe(403);
    expect(redirect.body.error.code).toBe('webhook.clearance_above_own');
    expect((await senior.get(`/webhooks/${created.body.id}`)).body.url).toBe(hook.url);
    expect((await euAdmin.post(`/webhooks/${created.body.id}/deliveries/${line.id}/replay`)).status).toBe(403);
    // The creator's clearance lowered afterwards (an access review): the subscription sees no more than they do.
    await server.db.execute(sql`update users set clearance = 'LIMITED' where username = 'eu.admin2'`);
    const after = (
      await euAgent.post('/incidents', incidentBody({ title: 'After demotion', sensitivity: 'SENSITIVE' }))
    ).body;
    await tick();
    expect(hook.received.some((r) => r.json.data.ticket.ref === after.ref)).toBe(false);
    const stored = (await server.db.execute(
      sql`select d.status from webhook_deliveries d join tickets t on t.id = d.ticket_id where t.ref = ${after.ref}`,
    )) as unknown as { rows: { status: string }[] };
    expect(stored.rows.map((r) => r.status)).toEqual(['withheld']);
  });

  it('refuses a URL change outside http(s) and changes nothing', async () => {
    const bad = await euAdmin.patch(`/webhooks/${subId}`, { url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('url');
    expect((await euAdmin.get(`/webhooks/${subId}`)).body.url).toBe(hook.url);
    expect((await chAdmin.patch(`/webhooks/${subId}`, { status: 'paused' })).status).toBe(404);
  });
});
