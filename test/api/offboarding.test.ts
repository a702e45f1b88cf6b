import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureValid } from '../../src/services/audit/instance-key.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import { eraseParty, remindOffboarding } from '../../src/services/export/offboarding.ts';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const rows = async <T>(server: TestServer, query: ReturnType<typeof sql>) =>
  ((await server.db.execute(query)) as unknown as { rows: T[] }).rows;

describe.each(STORE_KINDS)('end of contract (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let euAdmin: Client;
  let chAdmin: Client;
  let shared = '';
  let chOnly = '';
  beforeAll(async () => {
    server = await startTestServer(kind);
    euAgent = await signIn(server.url, 'eu.agent');
    euAdmin = await signIn(server.url, 'eu.admin');
    chAdmin = await signIn(server.url, 'ch.admin');
    const chAgent = await signIn(server.url, 'ch.agent');
    shared = (await euAgent.post('/incidents', incidentBody())).body.ref;
    await euAgent.post(`/tickets/${shared}/actions/comment`, { body: 'EU findings', visibility: 'shared' });
    await euAgent.post(`/tickets/${shared}/actions/transfer`, { party: 'CH' });
    await chAgent.post(`/tickets/${shared}/actions/comment`, { body: 'CH answer to erase', visibility: 'shared' });
    // IF-2: a CH webhook with deliveries queued about its own and the shared ticket.
    await chAdmin.post('/webhooks', {
      url: 'https://ch-monitoring.example/hook',
      eventKinds: [],
      clearance: 'LIMITED',
    });
    chOnly = (await chAgent.post('/incidents', incidentBody())).body.ref;
    // CBM records of the leaving party: its contact, an exchange read by EU, a question on EU's one.
    await chAdmin.post('/contacts', { level: 'technical', structure: 'CH', name: 'CH lead', channels: ['desk'] });
    const chSecurity = await signIn(server.url, 'ch.security');
    const chExchange = (
      await chSecurity.post('/exchanges', { kind: 'measures', title: 'CH', language: 'en', body: 'x' })
    ).body.id;
    await euAgent.get(`/exchanges/${chExchange}`);
    const euManager = await signIn(server.url, 'eu.manager');
    const euExchange = (await euManager.post('/exchanges', { kind: 'policy', title: 'EU', language: 'en', body: 'x' }))
      .body.id;
    await chAgent.post(`/exchanges/${euExchange}/questions`, { question: 'q' });
    await chSecurity.post('/vulnerabilities', {
      title: 'v',
      description: 'd',
      vendor: 'v',
      product: 'p',
      productVersion: '1',
      remediationCategory: 'workaround',
      remediation: 'r',
    });
    // COL-4: a CH page linked to its own ticket, and an EU guideline that CH edited and approved.
    const page = { title: 'Page', body: 'Texte', sensitivity: 'LIMITED' };
    expect((await chAgent.post('/wiki/pages', { ...page, slug: 'ch-page', parties: ['CH'] })).status).toBe(201);
    await chAgent.post('/wiki/pages/ch-page/links', { ticket: chOnly });
    await euAgent.post('/wiki/pages', { ...page, slug: 'shared-page', kind: 'guideline', parties: ['EU', 'CH'] });
    expect((await chAgent.put('/wiki/pages/shared-page', { version: 1, body: 'CH edit' })).status).toBe(200);
    await chAgent.post('/wiki/pages/shared-page/versions/2/submit', {});
    expect((await chAgent.post('/wiki/pages/shared-page/versions/2/approve', {})).status).toBe(200);
  }, 180_000);
  afterAll(() => server.close(), 120_000);

  it('records the notice by the leaving party’s administrator only, and schedules reminder and erasure within 30 days', async () => {
    expect((await euAdmin.post('/parties/CH/offboarding')).status).toBe(403);
    const notice = await chAdmin.post('/parties/CH/offboarding');
    expect(notice.status).toBe(201);
    expect((await chAdmin.post('/parties/CH/offboarding')).status).toBe(409);
    const jobs = await rows<{ kind: string; run_at: string }>(
      server,
      sql`select kind, run_at::text from jobs where kind in ('offboarding_reminder', 'party_erasure') order by run_at`,
    );
    expect(jobs.map((j) => j.kind)).toEqual(['offboarding_reminder', 'party_erasure']);
    const days = (at: string) => (Date.parse(at) - Date.parse(notice.body.noticeAt)) / 86_400_000;
    expect(Math.round(days(jobs[0]!.run_at))).toBe(21);
    expect(days(jobs[1]!.run_at)).toBeLessThanOrEqual(30);
    expect(await remindOffboarding(server.db, 'CH')).toBeGreaterThan(0);
    const reminded = await chAdmin.get('/notifications');
    expect(JSON.stringify(reminded.body)).toContain('offboarding_reminder');
  }, 120_000);

  it('erases what belongs only to the party, keeps what the remaining party wrote, and certifies it to both', async () => {
    const certificate = await eraseParty(server.db, 'CH');
    const { signature, ...body } = certificate;
    expect(signatureValid(certificate.publicKey, JSON.stringify(body), signature)).toBe(true);
    expect(certificate.erased.find((e) => e.what === 'tickets')!.rows).toBeGreaterThan(0);
    expect(certificate.erased.find((e) => e.what === 'users')!.rows).toBeGreaterThan(0);
    expect(await rows(server, sql`select 1 from users where party_id = 'CH'`)).toHaveLength(0);
    expect(certificate.erased.find((e) => e.what === 'webhook_deliveries')!.rows).toBeGreaterThan(0);
    expect(await rows(server, sql`select 1 from webhook_subscriptions`)).toHaveLength(0);
    // The erased party is no longer asked about agreement changes.
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const proposal = await euAdmin.post('/agreement/proposals', {
      effectiveFrom: tomorrow,
      change: { kind: 'service_target', service: 'Link', targetPct: 99 },
    });
    expect(proposal.body).toMatchObject({ status: 'accepted', awaitedParties: [] });
    expect(certificate.erased.find((e) => e.what === 'contact_points')!.rows).toBe(1);
    expect(await rows(server, sql`select 1 from exchange_questions`)).toHaveLength(0);
    expect(await rows(server, sql`select 1 from exchanges where party_id = 'EU'`)).toHaveLength(1);
    expect(await rows(server, sql`select 1 from tickets where ref = ${chOnly}`)).toHaveLength(0);
    const ticket = await euAgent.get(`/tickets/${shared}`);
    expect(ticket.status).toBe(200);
    const text = JSON.stringify(ticket.body.timeline);
    expect(text).toContain('EU findings');
    expect(text).not.toContain('CH answer to erase');
    expect(ticket.body.participants).toEqual(['EU']);
    expect(await rows(server, sql`select 1 from wiki_pages where slug = 'ch-page'`)).toHaveLength(0);
    const kept = await euAgent.get('/wiki/pages/shared-page');
    expect(kept.status).toBe(200);
    expect(kept.body.parties).toEqual(['EU']);
    expect(kept.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(
      await rows(
        server,
        sql`select 1 from wiki_versions where author_id in (select id from users where party_id = 'CH')`,
      ),
    ).toHaveLength(0);
    // Kept in the audit log (the chain still verifies) and offered to the remaining party.
    const logged = await rows<{ action: string }>(
      server,
      sql`select action from audit_log where action = 'offboarding.erasure'`,
    );
    expect(logged).toHaveLength(1);
    expect((await verifyAuditChain(server.db)).ok).toBe(true);
    const fetched = await euAdmin.get('/parties/CH/offboarding/certificate');
    expect(fetched.status).toBe(200);
    expect(fetched.body.signature).toBe(signature);
    expect((await euAgent.get('/parties/CH/offboarding/certificate')).status).toBe(403);
    const euAuditor = await signIn(server.url, 'eu.auditor');
    expect(JSON.stringify((await euAuditor.get('/notifications')).body)).toContain('erasure_certificate');
    // Running the job again changes nothing and returns the same certificate.
    expect((await eraseParty(server.db, 'CH')).signature).toBe(signature);
  }, 180_000);
});
