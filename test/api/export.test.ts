import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { AppError } from '../../src/domain/errors.ts';
import { buildApp } from '../../src/http/app.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import { actorOf } from '../../src/services/auth/actor.ts';
import { createApiToken } from '../../src/services/auth/api-tokens.ts';
import { exportParty } from '../../src/services/export/export-party.ts';
import { importArchive } from '../../src/services/export/import-archive.ts';
import { partyExportHandler } from '../../src/services/export/party-exports.ts';
import type { Store } from '../../src/store/db.ts';
import { findUserByName } from '../../src/store/directory.ts';
import { instanceId } from '../../src/store/instance.ts';
import { extractTarGz } from '../../src/services/export/tar.ts';
import { incidentBody, signIn, withToken, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { thirdPartyAgent } from '../helpers/third-party.ts';
import { freshStore, STORE_KINDS } from '../helpers/store.ts';

const count = async (db: Store['db'], table: string) =>
  Number(
    ((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] })
      .rows[0]!.n,
  );

/** What must read the same after a move: identifiers, timestamps, timeline, SLA figures (clocks that still run tick). */
function comparable(ticket: Record<string, unknown>) {
  const sla = JSON.parse(JSON.stringify(ticket.sla)) as Record<string, Record<string, unknown>>;
  for (const clock of ['gti', 'gtr', 'gte']) if (sla[clock]?.phase === 'running') delete sla[clock]!.elapsedMs;
  return {
    id: ticket.id,
    ref: ticket.ref,
    status: ticket.status,
    priority: ticket.priority,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    participants: ticket.participants,
    sla,
    timeline: (ticket.timeline as Record<string, unknown>[]).map((e) => ({
      id: e.id,
      seq: e.seq,
      kind: e.kind,
      at: e.at,
      data: e.data,
    })),
  };
}

/** The API of an instance an archive was imported into, and a client for one of its people. */
async function serve(target: Store, id: string) {
  const app = await buildApp({
    db: target.db,
    config: loadConfig({ LOG_LEVEL: 'silent', DUPLICATE_WINDOW_MS: '0' }),
    instanceId: id,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    as: async (username: string) =>
      withToken(
        `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
        (await createApiToken(target.db, actorOf((await findUserByName(target.db, username))!), { name: 't' })).token,
      ),
    close: () => app.close(),
  };
}

describe.each(STORE_KINDS)('party export and import (%s)', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-export-'));
  const archive = join(dir, 'eu.tar.gz');
  let server: TestServer;
  let euAgent: Client;
  let euAdmin: Client;
  const refs: string[] = [];
  let sensitive = '';
  let chOnly = '';
  // CBM records: a glossary term, an exchange EU asked about, one it never touched, EU's meetings and CH's own.
  const cbm = {
    term: '',
    exchange: '',
    untouched: '',
    meeting: '',
    sensitiveMeeting: '',
    chMeeting: '',
    chAgentId: '',
    sensitiveExchange: '',
    linkedMeeting: '',
  };
  beforeAll(async () => {
    server = await startTestServer(kind);
    euAgent = await signIn(server.url, 'eu.agent');
    euAdmin = await signIn(server.url, 'eu.admin');
    const chAgent = await signIn(server.url, 'ch.agent');
    for (let i = 0; i < 3; i++) refs.push((await euAgent.post('/incidents', incidentBody())).body.ref);
    sensitive = (await euAgent.post('/incidents', incidentBody({ sensitivity: 'SENSITIVE' }))).body.ref;
    refs.push(sensitive);
    await euAgent.post(`/tickets/${refs[0]}/actions/comment`, { body: 'shared note', visibility: 'shared' });
    await euAgent.post(`/tickets/${refs[0]}/actions/comment`, { body: 'EU internal note', visibility: 'internal' });
    await euAgent.post(`/tickets/${refs[0]}/actions/transfer`, { party: 'CH' });
    await chAgent.post(`/tickets/${refs[0]}/actions/comment`, { body: 'CH internal note', visibility: 'internal' });
    await chAgent.post(`/tickets/${refs[0]}/actions/comment`, { body: 'CH shared answer', visibility: 'shared' });
    await euAgent.post(`/tickets/${refs[1]}/attachments`, {
      name: 'trace.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('a log line').toString('base64'),
      sensitivity: 'LIMITED',
    });
    chOnly = (await chAgent.post('/incidents', incidentBody())).body.ref;
    const [euManager, chManager] = [await signIn(server.url, 'eu.manager'), await signIn(server.url, 'ch.manager')];
    cbm.chAgentId = (await findUserByName(server.db, 'ch.agent'))!.id;
    cbm.term = (
      await euAgent.post('/glossary', {
        term: 'Point de contact',
        definitionFr: 'Personne à joindre.',
        definitionEn: 'Who to call.',
      })
    ).body.id;
    await chAgent.post(`/glossary/${cbm.term}/comments`, { body: 'Add the on-call contact.' });
    await chAgent.post(`/glossary/${cbm.term}/versions`, {
      definitionFr: 'Personne à joindre, de jour comme de nuit.',
      definitionEn: 'Who to call, day and night.',
      version: 1,
    });
    await euManager.post(`/glossary/${cbm.term}/accept`, { version: 2 });
    const submission = { kind: 'measures', language: 'en', body: 'What we did.' };
    cbm.exchange = (await chManager.post('/exchanges', { ...submission, title: 'CH measures' })).body.id;
    cbm.untouched = (await chManager.post('/exchanges', { ...submission, title: 'CH untouched' })).body.id;
    const question = (await euAgent.post(`/exchanges/${cbm.exchange}/questions`, { question: 'Which sectors?' })).body;
    await chAgent.post(`/exchanges/${cbm.exchange}/questions/${question.questions[0].id}/answer`, {
      answer: 'Energy.',
    });
    const meeting = (title: string, parties: string[], sensitivity = 'LIMITED') => ({
      title,
      startsAt: '2026-03-10T09:00:00.000Z',
      location: 'Geneva',
      agenda: '1. Contacts',
      participants: parties.map((party) => ({ party, name: `${party} expert` })),
      exchangeIds: [],
      sensitivity,
    });
    cbm.meeting = (await euManager.post('/meetings', meeting('Experts EU-CH', ['EU', 'CH']))).body.id;
    await euManager.post(`/meetings/${cbm.meeting}/minutes`, {
      minutes: 'We met.',
      decisions: ['Keep contacts current'],
    });
    const action = (
      await euManager.post(`/meetings/${cbm.meeting}/actions`, { description: 'Send contacts', party: 'CH' })
    ).body;
    await chAgent.post(`/meetings/${cbm.meeting}/actions/${action.actions[0].id}/complete`, { note: 'Sent.' });
    cbm.sensitiveMeeting = (
      await euManager.post('/meetings', meeting('Experts restricted', ['EU', 'CH'], 'SENSITIVE'))
    ).body.id;
    cbm.chMeeting = (await chManager.post('/meetings', meeting('CH internal experts', ['CH']))).body.id;
    // A LIMITED meeting that discussed a SENSITIVE submission (its managers are cleared SENSITIVE).
    cbm.sensitiveExchange = (
      await chManager.post('/exchanges', { ...submission, title: 'CH restricted measures', sensitivity: 'SENSITIVE' })
    ).body.id;
    cbm.linkedMeeting = (
      await euManager.post('/meetings', {
        ...meeting('Experts on measures', ['EU', 'CH']),
        exchangeIds: [cbm.exchange, cbm.sensitiveExchange],
      })
    ).body.id;
    expect(cbm.linkedMeeting).toBeTruthy();
    await exportParty(server.db, 'EU', archive);
  }, 240_000);
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('writes a documented archive: JSON Lines per kind, tickets.csv, files, a manifest with checksums; the other party’s internal notes stay out', async () => {
    const out = join(dir, 'x');
    const names = await extractTarGz(archive, out);
    expect(names).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'manifest.sig',
        'tickets.jsonl',
        'tickets.csv',
        'ticket_events.jsonl',
        'users.jsonl',
      ]),
    );
    expect(names.some((n) => n.startsWith('attachments/'))).toBe(true);
    const tickets = readFileSync(join(out, 'tickets.jsonl'), 'utf8');
    for (const ref of refs) expect(tickets).toContain(ref);
    expect(tickets).not.toContain(chOnly);
    const events = readFileSync(join(out, 'ticket_events.jsonl'), 'utf8');
    expect(events).toContain('EU internal note');
    expect(events).toContain('CH shared answer');
    expect(events).not.toContain('CH internal note');
    const users = readFileSync(join(out, 'users.jsonl'), 'utf8');
    expect(users).not.toMatch(/"password_hash":"/);
    expect(users).not.toMatch(/"totp_secret":"/);
    expect(readFileSync(join(out, 'tickets.csv'), 'utf8').split('\r\n')[0]).toBe(
      'id,ref,type,title,status,priority,owner_party,opened_at,first_intervention_at,resolved_at,closed_at',
    );
    const read = (kind: string) => readFileSync(join(out, `${kind}.jsonl`), 'utf8');
    expect(read('glossary_terms')).toContain('Point de contact');
    expect(read('glossary_versions')).toContain('day and night');
    expect(read('glossary_comments')).toContain('on-call contact');
    expect(read('exchanges')).toContain('CH measures');
    expect(read('exchanges')).not.toContain('CH untouched');
    expect(read('exchange_questions')).toContain('Energy.');
    expect(read('expert_meetings')).toContain('Experts EU-CH');
    expect(read('expert_meetings')).toContain('Experts restricted');
    expect(read('expert_meetings')).not.toContain('CH internal experts');
    expect(read('meeting_actions')).toContain('Send contacts');
    // Another party's people are never named by id in the cooperation records (the reads do not show them).
    for (const kind of ['exchanges', 'exchange_questions', 'exchange_reads', 'glossary_versions', 'glossary_comments'])
      expect(read(kind), kind).not.toContain(cbm.chAgentId);
    expect(read('meeting_actions')).not.toContain(cbm.chAgentId);
  });

  it('runs through the API as a durable job for the party’s administrators, within their clearance', async () => {
    const chAdmin = await signIn(server.url, 'ch.admin');
    expect((await chAdmin.post('/parties/EU/exports')).status).toBe(403);
    expect((await euAgent.post('/parties/EU/exports')).status).toBe(403);
    const started = await euAdmin.post('/parties/EU/exports');
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('queued');
    const early = await euAdmin.get(`/parties/EU/exports/${started.body.id}/archive`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('export.not_ready');
    await runDueJobs(server.db, { party_export: partyExportHandler(server.db, join(dir, 'jobs')) });
    const done = await euAdmin.get(`/parties/EU/exports/${started.body.id}`);
    expect(done.body).toMatchObject({ status: 'done' });
    expect(done.body.done).toBe(done.body.total);
    expect((await chAdmin.get(`/parties/EU/exports/${started.body.id}`)).status).toBe(403);
    const token = (await euAdmin.post('/me/tokens', { name: 'download' })).body.token as string;
    const download = await fetch(`${server.url}/api/v1/parties/EU/exports/${started.body.id}/archive`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    const file = join(dir, 'api.tar.gz');
    writeFileSync(file, Buffer.from(await download.arrayBuffer()));
    const out = join(dir, 'api');
    await extractTarGz(file, out);
    const tickets = readFileSync(join(out, 'tickets.jsonl'), 'utf8');
    // eu.admin holds LIMITED clearance: the SENSITIVE incident and meeting are not in their export.
    expect(tickets).toContain(refs[1]);
    expect(tickets).not.toContain(sensitive);
    const meetings = readFileSync(join(out, 'expert_meetings.jsonl'), 'utf8');
    expect(meetings).toContain(cbm.meeting);
    expect(meetings).not.toContain(cbm.sensitiveMeeting);
    // The meeting's links name only the exchanges exported with it, not the SENSITIVE one.
    const linked = meetings
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; exchange_ids: string[] })
      .find((m) => m.id === cbm.linkedMeeting);
    expect(linked?.exchange_ids).toEqual([cbm.exchange]);
    expect(readFileSync(join(out, 'exchanges.jsonl'), 'utf8')).not.toContain(cbm.sensitiveExchange);
  }, 180_000);

  it('imports into a fresh instance that then answers the same reads', async () => {
    const target = await freshStore(kind);
    try {
      const id = await instanceId(target.db);
      const result = await importArchive(target.db, archive);
      const imported = result.rows.tickets;
      expect(result.rows.tickets).toBeGreaterThanOrEqual(refs.length);
      const app = await serve(target, id);
      try {
        const moved = await app.as('eu.agent');
        for (const ref of refs) {
          const before = await euAgent.get(`/tickets/${ref}`);
          const after = await moved.get(`/tickets/${ref}`);
          expect(after.status).toBe(200);
          expect(comparable(after.body)).toEqual(comparable(before.body));
        }
        expect((await moved.get(`/tickets/${chOnly}`)).status).toBe(404);
        const attachments = await moved.get(`/tickets/${refs[1]}/attachments`);
        expect(attachments.body.items.map((a: { name: string }) => a.name)).toEqual(['trace.txt']);
        // The cooperation records read the same (CBM-2, 3, 6); opening a submission adds the reader's receipt.
        for (const path of [
          '/glossary',
          `/glossary/${cbm.term}`,
          `/meetings/${cbm.meeting}`,
          `/meetings/${cbm.sensitiveMeeting}`,
        ])
          expect((await moved.get(path)).body, path).toEqual((await euAgent.get(path)).body);
        const { reads: readsAfter, ...exchangeAfter } = (await moved.get(`/exchanges/${cbm.exchange}`)).body;
        const { reads: readsBefore, ...exchangeBefore } = (await euAgent.get(`/exchanges/${cbm.exchange}`)).body;
        expect(exchangeAfter).toEqual(exchangeBefore);
        expect([readsAfter, readsBefore]).toEqual([null, null]);
        expect((await moved.get(`/exchanges/${cbm.untouched}`)).status).toBe(404);
        expect((await moved.get(`/meetings/${cbm.chMeeting}`)).status).toBe(404);
        expect((await verifyAuditChain(target.db)).ok).toBe(true);
      } finally {
        await app.close();
      }
      // Importing again fails on the first ticket already present, and leaves the instance as it was.
      const audit = await count(target.db, 'audit_log');
      const error = (await importArchive(target.db, archive).catch((e: unknown) => e)) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe('archive.invalid');
      expect(String(error.params.reason)).toMatch(/already present/);
      expect(await count(target.db, 'tickets')).toBe(imported);
      expect(await count(target.db, 'audit_log')).toBe(audit);
    } finally {
      await target.close();
    }
  }, 180_000);

  it('imports two parties’ archives into one instance: the common glossary is merged, not refused', async () => {
    // AT shares no ticket, submission or meeting with EU here, only what is common to every party.
    const atAgent = await thirdPartyAgent(server.db, server.url);
    const atOnly = (await atAgent.post('/incidents', incidentBody())).body.ref as string;
    const atArchive = join(dir, 'at.tar.gz');
    await exportParty(server.db, 'AT', atArchive);
    const target = await freshStore(kind);
    try {
      const eu = await importArchive(target.db, archive);
      expect(eu.rows.glossary_terms).toBeGreaterThanOrEqual(1);
      // The second archive holds the same glossary: its terms are already here, kept as they are.
      const at = await importArchive(target.db, atArchive);
      expect(at.rows.tickets).toBeGreaterThanOrEqual(1);
      expect(at.rows.glossary_terms).toBeUndefined();
      expect(at.rows.glossary_versions).toBeUndefined();
      const app = await serve(target, await instanceId(target.db));
      try {
        for (const [name, before] of [
          ['eu.agent', euAgent],
          ['at.agent', atAgent],
        ] as const) {
          const moved = await app.as(name);
          for (const path of ['/glossary', `/glossary/${cbm.term}`])
            expect((await moved.get(path)).body, `${name} ${path}`).toEqual((await before.get(path)).body);
          expect((await moved.get(`/tickets/${atOnly}`)).status).toBe(name === 'at.agent' ? 200 : 404);
        }
      } finally {
        await app.close();
      }
    } finally {
      await target.close();
    }

    // A term of the same wording recorded here under another id: kept, and the archive's copy, with
    // its versions and comments, left out rather than refused or left pointing at nothing.
    const other = await freshStore(kind);
    try {
      await importArchive(other.db, archive);
      await other.db.execute(sql`delete from glossary_comments`);
      await other.db.execute(sql`delete from glossary_versions`);
      await other.db.execute(sql`update glossary_terms set id = gen_random_uuid()`);
      const before = await count(other.db, 'glossary_terms');
      const at = await importArchive(other.db, atArchive);
      expect(at.rows.glossary_terms).toBeUndefined();
      expect(await count(other.db, 'glossary_terms')).toBe(before);
      expect(await count(other.db, 'glossary_versions')).toBe(0);
      expect(await count(other.db, 'glossary_comments')).toBe(0);
      expect(await count(other.db, `glossary_terms where id = '${cbm.term}'`)).toBe(0);
    } finally {
      await other.close();
    }
  }, 240_000);

  it('refuses a truncated, tampered or foreign archive with the reason, before writing anything', async () => {
    const raw = gunzipSync(readFileSync(archive));
    const tampered = Buffer.from(raw);
    const at = tampered.indexOf(Buffer.from(refs[2]!));
    tampered[at + refs[2]!.length - 1] = tampered[at + refs[2]!.length - 1] === 0x31 ? 0x32 : 0x31;
    const files = {
      tampered: gzipSync(tampered),
      truncated: gzipSync(raw.subarray(0, Math.floor(raw.length / 2))),
      foreign: gzipSync(Buffer.alloc(2048)),
      notTar: gzipSync(Buffer.from('hello')),
    };
    const target = await freshStore(kind);
    try {
      for (const [name, bytes] of Object.entries(files)) {
        const path = join(dir, `${name}.tar.gz`);
        writeFileSync(path, bytes);
        const error = (await importArchive(target.db, path).catch((e: unknown) => e)) as AppError;
        expect(error, name).toBeInstanceOf(AppError);
        expect(error.code).toBe('archive.invalid');
        expect(String(error.params.reason), name).toMatch(
          {
            tampered: /checksum mismatch for tickets/,
            truncated: /truncated/,
            foreign: /manifest/,
            notTar: /truncated|tar/,
          }[name]!,
        );
      }
      expect(await count(target.db, 'tickets')).toBe(0);
      expect(await count(target.db, 'parties')).toBe(0);
    } finally {
      await target.close();
    }
  }, 180_000);
});
