import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckpoint } from '../../src/services/audit/checkpoints.ts';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

interface Entry {
  seq: number;
  action: string;
  party: string | null;
  ticketRef: string | null;
  actor: { username: string | null } | null;
}

describe.each(STORE_KINDS)('audit log per party (%s)', (kind) => {
  let server: TestServer;
  let euAuditor: Client;
  let euAdmin: Client;
  let chAuditor: Client;
  let euAgent: Client;
  let chAgent: Client;
  let sensitive: string;
  let limited: string;
  let chOnly: string;
  let euAuditorToken: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAuditor, euAdmin, chAuditor, euAgent, chAgent] = await Promise.all([
      signIn(server.url, 'eu.auditor'),
      signIn(server.url, 'eu.admin'),
      signIn(server.url, 'ch.auditor'),
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'ch.agent'),
    ]);
    sensitive = (await euAgent.post('/incidents', incidentBody({ sensitivity: 'SENSITIVE' }))).body.ref;
    limited = (await euAgent.post('/incidents', incidentBody({ sensitivity: 'LIMITED' }))).body.ref;
    chOnly = (await chAgent.post('/incidents', incidentBody({ sensitivity: 'LIMITED' }))).body.ref;
    euAuditorToken = (await euAuditor.post('/me/tokens', { name: 'audit export' })).body.token;
  }, 180_000);
  afterAll(() => server.close());

  const entries = async (client: Client, query = '') => {
    const reply = await client.get(`/audit/entries?limit=500${query}`);
    expect(reply.status).toBe(200);
    return reply.body.entries as Entry[];
  };

  it("shows a party's auditors their users' actions and actions on tickets they may see, not the other party's", async () => {
    const eu = await entries(euAuditor);
    const refs = eu.map((e) => e.ticketRef);
    expect(refs).toContain(sensitive);
    expect(refs).toContain(limited);
    expect(refs).not.toContain(chOnly);
    expect(eu.some((e) => e.action === 'user.create' && e.party === 'EU')).toBe(true);
    expect(eu.some((e) => e.party === 'CH' && e.ticketRef === null)).toBe(false);
    // From the other party's seat.
    const ch = await entries(chAuditor);
    expect(ch.map((e) => e.ticketRef)).toContain(chOnly);
    expect(ch.map((e) => e.ticketRef)).not.toContain(sensitive);
    expect(ch.some((e) => e.party === 'EU' && e.ticketRef === null)).toBe(false);
  });

  it('never shows entries about tickets above the reader’s clearance', async () => {
    // eu.admin holds LIMITED clearance.
    const admin = await entries(euAdmin);
    expect(admin.map((e) => e.ticketRef)).toContain(limited);
    expect(admin.map((e) => e.ticketRef)).not.toContain(sensitive);
    expect((await entries(euAdmin, `&ticket=${sensitive}`)).length).toBe(0);
    expect((await euAgent.get('/audit/entries')).status).toBe(403);
  });

  it('filters by ticket, action, actor and time, and pages by seq', async () => {
    const byTicket = await entries(euAuditor, `&ticket=${limited}`);
    expect(byTicket.length).toBeGreaterThan(0);
    expect(byTicket.every((e) => e.ticketRef === limited)).toBe(true);
    const creates = await entries(euAuditor, '&action=ticket.*');
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.every((e) => e.action.startsWith('ticket.'))).toBe(true);
    const byAgent = await entries(euAuditor, '&actor=eu.agent');
    expect(byAgent.length).toBeGreaterThan(0);
    expect(byAgent.every((e) => e.actor?.username === 'eu.agent')).toBe(true);
    expect(await entries(euAuditor, '&from=2099-01-01T00:00:00Z')).toEqual([]);
    const first = await euAuditor.get('/audit/entries?limit=2');
    expect(first.body.entries).toHaveLength(2);
    const second = await euAuditor.get(`/audit/entries?limit=2&before=${first.body.next}`);
    expect(second.body.entries[0].seq).toBeLessThan(first.body.entries[1].seq);
    const bad = await euAuditor.get('/audit/entries?action=DROP%20TABLE');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('action');
  });

  it('exports the same entries as CSV and JSON Lines, under the same rule', async () => {
    const get = (path: string, token: string) =>
      fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const jsonl = await get('/audit/entries.jsonl', euAuditorToken);
    expect(jsonl.status).toBe(200);
    const lines = (await jsonl.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Entry);
    const listed = await entries(euAuditor);
    expect(lines.map((l) => l.seq).sort((a, b) => a - b)).toEqual(listed.map((l) => l.seq).sort((a, b) => a - b));
    expect(lines.map((l) => l.ticketRef)).not.toContain(chOnly);
    const csv = await get(`/audit/entries.csv?ticket=${limited}`, euAuditorToken);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0]).toBe('seq,at,actor_id,actor_username,party,action,target_id,ticket_ref,data,hash');
    expect(rows.length).toBe(byTicketCount(lines, limited) + 1);
    const chToken = (await chAuditor.post('/me/tokens', { name: 'audit export' })).body.token as string;
    const chLines = await (await get('/audit/entries.jsonl', chToken)).text();
    expect(chLines).not.toContain(sensitive);
    expect(chLines).not.toContain(limited);
  });

  it('verifies the chain and offers signed checkpoints to check it against later', async () => {
    const report = await euAuditor.get('/audit/verify');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ ok: true, problem: null });
    expect(report.body.entries).toBe(report.body.head.seq);
    expect((await euAgent.get('/audit/verify')).status).toBe(403);
    await createCheckpoint(server.db);
    const list = await chAuditor.get('/audit/checkpoints');
    expect(list.body.checkpoints.length).toBeGreaterThan(0);
    const held = (await chAuditor.get(`/audit/checkpoints/${list.body.checkpoints[0].id}`)).body;
    const check = await chAuditor.post('/audit/checkpoints/verify', held);
    expect(check.body).toMatchObject({ signatureValid: true, keyMatches: true, chain: { ok: true } });
    const forged = await chAuditor.post('/audit/checkpoints/verify', { ...held, seq: held.seq + 1 });
    expect(forged.body.signatureValid).toBe(false);
  });
});

function byTicketCount(lines: Entry[], ref: string): number {
  return lines.filter((l) => l.ticketRef === ref).length;
}
