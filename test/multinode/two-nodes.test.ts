import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { incidentBody } from '../helpers/client.ts';
import { openEventStream, type StreamEvent } from '../helpers/event-stream.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { freshDatabase } from '../helpers/store.ts';

/**
 * NFR-1: two `passerelle serve` nodes on one PostgreSQL database behind HAProxy (round-robin,
 * health-checked), as docs/deploy.md describes. Everything a node knows comes from the database,
 * so whichever node answers, the answer is the same.
 */
const HAPROXY = '/usr/sbin/haproxy';
const DAY = 86_400_000;
const API_LIMIT = 12;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it holds; a check that throws an Error ends the wait at once. */
async function waitFor(what: string, check: () => Promise<boolean>, tries = 1800, everyMs = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check().catch((error: unknown) => (error instanceof TypeError ? false : Promise.reject(error)))) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const healthy = (base: string) => () => fetch(`${base}/api/health`).then((r) => r.ok);

/** A real HTTP receiver of webhooks, keeping each delivery's `webhook-id` header. */
async function webhookReceiver() {
  const ids: string[] = [];
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      ids.push(String(req.headers['webhook-id']));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, ids, close: () => new Promise((r) => server.close(r)) };
}

interface Auth {
  headers: Record<string, string>;
}

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  node: string | null;
}

async function call(base: string, auth: Auth, method: string, path: string, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = { ...auth.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, node: response.headers.get('x-node') };
}

async function signIn(base: string, username: string): Promise<Auth> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken } };
}

describe.skipIf(!process.env.DATABASE_URL)('two nodes on one PostgreSQL behind HAProxy (NFR-1)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-nodes-'));
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sql: pg.Client;
  const nodes: Record<'a' | 'b', { port: number; base: string; child?: ChildProcess }> = {
    a: { port: 0, base: '' },
    b: { port: 0, base: '' },
  };
  let proxy: ChildProcess;
  let lb = '';
  let agent: Auth;

  function startNode(name: 'a' | 'b') {
    const node = nodes[name];
    node.child = spawn('node', ['bin/passerelle.js', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        DATA_DIR: join(dir, name),
        EXPORT_DIR: join(dir, 'exports'),
        PORT: String(node.port),
        LOG_LEVEL: 'warn',
        SMTP_URL: smtp.url,
        // Both nodes poll jobs and check SLA clocks often, so they compete for the same work.
        JOBS_POLL_MS: '200',
        SLA_CHECK_MS: '300',
        TRUST_PROXY: 'loopback',
        // The burst below is one session's; the limit itself is tested in test/api/access-restrictions.test.ts.
        SESSION_RATE_LIMIT: '0',
        // Small, so the test below can show that both nodes count against one limit.
        API_RATE_LIMIT: String(API_LIMIT),
        // Live update streams send a heartbeat often, so the test sees them pass through HAProxy.
        EVENTS_HEARTBEAT_MS: '500',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }

  beforeAll(async () => {
    database = await freshDatabase();
    smtp = await startSmtp();
    sql = new pg.Client({ connectionString: database.url });
    nodes.a.port = await freePort();
    nodes.b.port = await freePort();
    for (const node of Object.values(nodes)) node.base = `http://127.0.0.1:${node.port}`;
    // Started together on an empty database: one migrates and seeds the demo, the other waits for it.
    startNode('a');
    startNode('b');
    await Promise.all(
      Object.values(nodes).map((n) =>
        waitFor(`node on ${n.port}`, async () => {
          if (n.child!.exitCode !== null) throw new Error(`node on ${n.port} exited with ${n.child!.exitCode}`);
          return healthy(n.base)();
        }),
      ),
    );
    await sql.connect();
    const lbPort = await freePort();
    lb = `http://127.0.0.1:${lbPort}`;
    const cfg = join(dir, 'haproxy.cfg');
    writeFileSync(
      cfg,
      [
        'global',
        '  maxconn 512',
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 60s',
        '  timeout server 60s',
        '  retries 2',
        '  option redispatch',
        `frontend passerelle`,
        `  bind 127.0.0.1:${lbPort}`,
        '  option forwardfor',
        '  default_backend nodes',
        'backend nodes',
        '  balance roundrobin',
        '  option httpchk GET /api/health',
        '  http-check expect status 200',
        '  default-server inter 300ms fall 2 rise 2',
        '  http-response set-header X-Node %[srv_name]',
        `  server a 127.0.0.1:${nodes.a.port} check`,
        `  server b 127.0.0.1:${nodes.b.port} check`,
        '',
      ].join('\n'),
    );
    proxy = spawn(HAPROXY, ['-f', cfg, '-db'], { stdio: ['ignore', 'ignore', 'inherit'] });
    await waitFor('HAProxy', healthy(lb));
    // Both servers up in HAProxy's eyes: round-robin then alternates between them.
    await waitFor('both nodes behind HAProxy', async () => {
      const seen = new Set<string | null>();
      for (let i = 0; i < 4; i++) seen.add((await fetch(`${lb}/api/health`)).headers.get('x-node'));
      return seen.has('a') && seen.has('b');
    });
    agent = await signIn(lb, 'eu.agent');
  }, 400_000);

  afterAll(async () => {
    proxy?.kill('SIGKILL');
    for (const node of Object.values(nodes)) node.child?.kill('SIGKILL');
    await sql?.end().catch(() => undefined);
    await smtp?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('serves one session and one API token on both nodes, and a sign-out or revocation on one holds on the other', async () => {
    const viaLb: string[] = [];
    for (let i = 0; i < 4; i++) {
      const reply = await call(lb, agent, 'GET', '/me');
      expect(reply.status).toBe(200);
      viaLb.push(reply.node!);
    }
    expect(new Set(viaLb)).toEqual(new Set(['a', 'b']));
    // A write (cookie + CSRF) on each node directly.
    for (const node of Object.values(nodes)) {
      const created = await call(node.base, agent, 'POST', '/incidents', incidentBody({ title: `Via ${node.port}` }));
      expect(created.status).toBe(201);
      // Without the CSRF header the same cookie is refused on either node.
      const { cookie } = agent.headers;
      expect(
        (await call(node.base, { headers: { cookie: cookie! } }, 'POST', '/incidents', incidentBody())).status,
      ).toBe(403);
    }

    const issued = await call(nodes.a.base, agent, 'POST', '/me/tokens', { name: 'two nodes' });
    expect(issued.status).toBe(201);
    const token: Auth = { headers: { authorization: `Bearer ${issued.body.token}` } };
    for (const node of Object.values(nodes)) {
      expect((await call(node.base, token, 'GET', '/tickets')).status).toBe(200);
      expect(
        (await call(node.base, token, 'POST', '/incidents', incidentBody({ title: `Token ${node.port}` }))).status,
      ).toBe(201);
    }
    // Revoked on B: refused on A at once (no node keeps its own copy of tokens).
    expect((await call(nodes.b.base, agent, 'DELETE', `/me/tokens/${issued.body.id}`)).status).toBe(204);
    const revoked = await call(nodes.a.base, token, 'GET', '/tickets');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('auth.token_invalid');

    // A second session, signed out on A: refused on B at once.
    const other = await signIn(nodes.b.base, 'eu.resolver');
    expect((await call(nodes.a.base, other, 'GET', '/me')).status).toBe(200);
    expect((await call(nodes.a.base, other, 'POST', '/auth/logout', {})).status).toBeLessThan(300);
    expect((await call(nodes.b.base, other, 'GET', '/me')).status).toBe(401);
  });

  it('counts sign-in failures and API rate limits once across both nodes', async () => {
    const replies: number[] = [];
    for (let i = 0; i < 11; i++) {
      const node = i % 2 ? nodes.b : nodes.a;
      const reply = await fetch(`${node.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody.multinode', password: 'wrong-password' }),
      });
      replies.push(reply.status);
    }
    // Ten failures in all (five on each node) reach the limit: the eleventh is throttled.
    expect(replies.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(replies[10]).toBe(429);

    const issued = await call(nodes.a.base, agent, 'POST', '/me/tokens', { name: 'limited' });
    const token: Auth = { headers: { authorization: `Bearer ${issued.body.token}` } };
    const statuses: number[] = [];
    for (let i = 0; i <= API_LIMIT; i++)
      statuses.push((await call(i % 2 ? nodes.b.base : nodes.a.base, token, 'GET', '/me')).status);
    expect(statuses.slice(0, API_LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses[API_LIMIT]).toBe(429);
  });

  it('reads on one node, at once, a ticket written on the other', async () => {
    for (const [writer, reader] of [
      [nodes.a, nodes.b],
      [nodes.b, nodes.a],
    ] as const) {
      const created = await call(
        writer.base,
        agent,
        'POST',
        '/incidents',
        incidentBody({ title: `From ${writer.port}` }),
      );
      expect(created.status).toBe(201);
      const read = await call(reader.base, agent, 'GET', `/tickets/${created.body.ref}`);
      expect(read.status).toBe(200);
      expect(read.body.title).toBe(`From ${writer.port}`);
      const comment = await call(reader.base, agent, 'POST', `/tickets/${created.body.ref}/actions/comment`, {
        body: `Seen on ${reader.port}`,
        visibility: 'internal',
      });
      expect(comment.status).toBeLessThan(300);
      const back = await call(writer.base, agent, 'GET', `/tickets/${created.body.ref}`);
      expect(
        back.body.timeline.some((e: { data: { body?: string } }) => e.data.body === `Seen on ${reader.port}`),
      ).toBe(true);
    }
  });

  it('sends live updates to a reader connected to the other node, and through HAProxy', async () => {
    const onB = await openEventStream(nodes.b.base, agent.headers);
    const viaLb = await openEventStream(lb, agent.headers);
    const chReader = await signIn(nodes.b.base, 'ch.agent');
    const onBForCh = await openEventStream(nodes.b.base, chReader.headers);
    expect([onB.status, viaLb.status, onBForCh.status]).toEqual([200, 200, 200]);
    const about = (ref: string) => (e: StreamEvent) => e.event === 'ticket' && (e.data as { ref: string }).ref === ref;
    // Written on A: heard on B (PostgreSQL LISTEN/NOTIFY), and by whichever node HAProxy chose.
    const created = await call(nodes.a.base, agent, 'POST', '/incidents', incidentBody({ title: 'Live across nodes' }));
    expect(created.status).toBe(201);
    const heard = await onB.next(about(created.body.ref));
    expect(heard.data).toEqual({ id: created.body.id, ref: created.body.ref, version: created.body.version });
    await viaLb.next(about(created.body.ref));
    // Then a CH ticket: once CH heard of it, an announcement of the EU ticket would have come before.
    const chTicket = await call(nodes.a.base, chReader, 'POST', '/incidents', incidentBody({ title: 'CH live' }));
    await onBForCh.next(about(chTicket.body.ref));
    expect(onBForCh.events.some(about(created.body.ref))).toBe(false);
    // The stream through HAProxy stays open and keeps receiving heartbeats (no buffering, no timeout).
    const before = viaLb.comments;
    await waitFor('heartbeats through HAProxy', async () => viaLb.comments >= before + 2);
    for (const stream of [onB, viaLb, onBForCh]) stream.close();
  });

  it(
    'raises each SLA alert once and sends each mail and webhook once while both nodes check and run jobs',
    { timeout: 180_000 },
    async () => {
      const hook = await webhookReceiver();
      const admin = await signIn(lb, 'eu.admin');
      const subscribed = await call(lb, admin, 'POST', '/webhooks', {
        url: hook.url,
        eventKinds: [],
        clearance: 'LIMITED',
      });
      expect(subscribed.status).toBe(201);
      const refs: string[] = [];
      for (let i = 0; i < 8; i++) {
        const created = await call(
          lb,
          agent,
          'POST',
          '/incidents',
          incidentBody({ impact: 'I1', title: `Breach ${i}` }),
        );
        expect(created.status).toBe(201);
        refs.push(created.body.ref);
      }
      // Thirty days back in time: every threshold of every clock is crossed at the nodes' next check
      // (facts edited behind the server's back: the tickets are made due, as the store's own writes do).
      await sql.query(
        `update tickets set sla_facts = jsonb_set(
           jsonb_set(sla_facts, '{openedAt}', to_jsonb((sla_facts->>'openedAt')::bigint - $2)),
           '{segments}', (select jsonb_agg(jsonb_set(s, '{at}', to_jsonb((s->>'at')::bigint - $2)))
                          from jsonb_array_elements(sla_facts->'segments') s)),
           sla_next_check_at = now()
         where ref = any($1)`,
        [refs, 30 * DAY],
      );
      const alertCount = async () =>
        Number(
          (
            await sql.query(
              `select count(*) from ticket_events e join tickets t on t.id = e.ticket_id
               where t.ref = any($1) and e.kind = 'sla_breached'`,
              [refs],
            )
          ).rows[0].count,
        );
      await waitFor('the SLA alerts', async () => (await alertCount()) >= refs.length * 3, 1200);
      // Both nodes go on checking: nothing more is raised.
      await new Promise((r) => setTimeout(r, 1500));
      const perClock = await sql.query(
        `select t.ref, e.kind, e.data->>'clock' as clock, count(*)::int as n from ticket_events e
         join tickets t on t.id = e.ticket_id
         where t.ref = any($1) and e.kind in ('sla_warning', 'sla_breached', 'escalated')
         group by 1, 2, 3`,
        [refs],
      );
      expect(perClock.rows.filter((r) => r.kind !== 'escalated')).toHaveLength(refs.length * 6);
      for (const row of perClock.rows) expect(row.n, `${row.ref} ${row.kind} ${row.clock}`).toBe(1);

      // Every mail job done, each claimed once (a second claim would count a second attempt).
      await waitFor(
        'the mail queue to drain',
        async () =>
          Number(
            (
              await sql.query(
                `select count(*) from jobs where kind like 'mail%' and done_at is null and failed_at is null`,
              )
            ).rows[0].count,
          ) === 0,
        1200,
      );
      const jobs = await sql.query(`select attempts, done_at from jobs where kind like 'mail%'`);
      expect(jobs.rows.length).toBeGreaterThan(refs.length);
      for (const job of jobs.rows) expect(job.attempts).toBe(1);
      const alertMails = await sql.query(
        `select count(*)::int as n from jobs where kind = 'mail' and payload->>'kind' like 'sla%'`,
      );
      expect(alertMails.rows[0].n).toBeGreaterThan(0);
      // What the SMTP server received: one message per sending recorded on the timelines, none twice.
      const sent = await sql.query(`select count(*)::int as n from ticket_events where kind = 'notification_sent'`);
      await waitFor('the SMTP server to hold every message', async () => smtp.received.length >= sent.rows[0].n, 100);
      expect(smtp.received.length).toBe(sent.rows[0].n);
      const keys = smtp.received.map((m) => `${m.to.join(',')}\n${m.mail.subject}\n${m.mail.text}`);
      expect(new Set(keys).size).toBe(keys.length);

      // Webhooks: every delivery delivered once, with one attempt, and received once.
      const deliveries = async () =>
        (
          await sql.query(`select status, attempts from webhook_deliveries where subscription_id = $1`, [
            subscribed.body.id,
          ])
        ).rows as { status: string; attempts: number }[];
      await waitFor(
        'the webhook deliveries',
        async () => (await deliveries()).every((d) => d.status === 'delivered'),
        600,
      );
      const done = await deliveries();
      expect(done.length).toBeGreaterThan(refs.length * 6);
      for (const d of done) expect(d.attempts).toBe(1);
      expect(hook.ids.length).toBe(done.length);
      expect(new Set(hook.ids).size).toBe(hook.ids.length);
      await hook.close();
    },
  );

  it(
    'loses no acknowledged create when a node is killed during a burst, and the other keeps answering',
    { timeout: 180_000 },
    async () => {
      const acknowledged: string[] = [];
      const failed: number[] = [];
      let sent = 0;
      let killedAt = -1;
      let afterKill = 0;
      const total = 160;
      const worker = async () => {
        while (sent < total) {
          const i = sent++;
          if (i === 40) {
            killedAt = acknowledged.length;
            nodes.b.child!.kill('SIGKILL');
          }
          try {
            const reply = await call(lb, agent, 'POST', '/incidents', incidentBody({ title: `Burst ${i}` }));
            if (reply.status === 201) {
              acknowledged.push(reply.body.ref);
              if (killedAt >= 0) afterKill++;
            } else failed.push(reply.status);
          } catch {
            failed.push(0);
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const b = nodes.b.child!;
      if (b.exitCode === null && b.signalCode === null) await new Promise((resolve) => b.once('exit', resolve));

      // The surviving node took over: most of the burst was acknowledged, and well after the kill too.
      expect(killedAt).toBeGreaterThan(0);
      expect(afterKill).toBeGreaterThan(total / 2);
      // What failed failed for the node's loss (a reset or HAProxy's 502/503), never a refusal.
      expect(
        failed.every((s) => s === 0 || s >= 500),
        `failures: ${failed.join(',')}`,
      ).toBe(true);
      expect(failed.length).toBeLessThan(total / 4);
      // Every acknowledged create is there, on the surviving node and in the database.
      const stored = await sql.query(`select ref from tickets where ref = any($1)`, [acknowledged]);
      expect(stored.rows.length).toBe(acknowledged.length);
      for (const ref of acknowledged.slice(0, 20))
        expect((await call(nodes.a.base, agent, 'GET', `/tickets/${ref}`)).status).toBe(200);
      // Through HAProxy only the surviving node answers now.
      for (let i = 0; i < 4; i++) {
        const reply = await call(lb, agent, 'GET', '/me');
        expect(reply.status).toBe(200);
        expect(reply.node).toBe('a');
      }
    },
  );
});
