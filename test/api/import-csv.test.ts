import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { DEFAULT_PRIORITY_MATRIX } from '../../src/domain/priority.ts';
import { errorMessage } from '../../src/i18n/messages.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import { importTicketsCsv } from '../../src/services/export/import-tickets-csv.ts';
import type { Db } from '../../src/store/db.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { freshDatabase, STORE_KINDS } from '../helpers/store.ts';

const HEADER =
  'external_id,title,description,service,impact,criticality,sensitivity,reporter_email,opened_at,first_intervention_at,resolved_at,resolution,closed_at';
/**
 * The history of test/api/reports.test.ts, as another tool kept it: the same May 2026 figures must
 * come out of the imported timelines (GTI P3: 2 of 3 within, P1: breached with no intervention).
 */
const MAY = [
  HEADER,
  'OLD-1,A,"first line\nsecond line",Link,I3,C1,LIMITED,holder@example.eu,2026-05-04T09:00:00+02:00,2026-05-04T12:00:00+02:00,,,',
  'OLD-2,B,,Link,I3,C1,,,2026-05-07T16:00:00+02:00,2026-05-11T09:00:00+02:00,2026-05-11T15:00:00+02:00,Restarted,2026-05-12T10:00:00+02:00',
  'OLD-3,C,,Link,I3,C1,,,2026-05-12T09:00:00+02:00,2026-05-13T10:00:00+02:00,,,',
  'OLD-4,D,,Link,I1,C1,SENSITIVE,,2026-05-20T09:00:00+02:00,,,,',
].join('\r\n');

const count = async (db: Db, table: string) =>
  Number(
    ((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] })
      .rows[0]!.n,
  );

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(STORE_KINDS)('CSV import of another tool’s incidents (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let euAgent2: Client;
  let chAgent: Client;
  let refs: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAgent, euAgent2, chAgent] = await Promise.all([
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'eu.agent2'),
      signIn(server.url, 'ch.agent'),
    ]);
    const result = await importTicketsCsv(server.db, { party: 'EU', csv: MAY, source: 'oldtool' });
    refs = Object.fromEntries(result.tickets.map((t) => [t.externalId, t.ref]));
  });
  afterAll(() => server.close());

  it('numbers the tickets in the party’s own sequence, in order of opening', () => {
    // The demo already numbered some 2026 incidents: the import continues the sequence.
    const numbers = ['OLD-1', 'OLD-2', 'OLD-3', 'OLD-4'].map((id) => Number(refs[id]!.slice(-6)));
    expect(refs['OLD-1']).toMatch(/^EU-INC-2026-\d{6}$/);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2, numbers[0]! + 3]);
  });

  it('makes the month’s SLA report reflect the original times', async () => {
    const { status, body } = await euAgent.get('/reports/compliance?party=EU&month=2026-05&details=true');
    expect(status).toBe(200);
    expect(body.rows.find((r: { priority: string }) => r.priority === 'P3')).toEqual({
      type: 'incident',
      priority: 'P3',
      tickets: 3,
      withinTarget: 2,
      pct: 66.67,
      objectivePct: 90,
      met: false,
      pending: 0,
    });
    expect(body.rows.find((r: { priority: string }) => r.priority === 'P1')).toMatchObject({
      tickets: 1,
      withinTarget: 0,
      met: false,
    });
    // B: 7 May 16–18 h, 8 May is a holiday, then 11 May 08–09 h: 3 business hours.
    expect(
      body.details.find((d: { elapsedMs: number; within: boolean }) => d.elapsedMs === 3 * 3_600_000 && d.within),
    ).toBeDefined();
  });

  it('keeps the original instants on the ticket and its timeline', async () => {
    const b = (await euAgent.get(`/tickets/${refs['OLD-2']}`)).body;
    expect(b.status).toBe('closed');
    expect(b.createdAt).toBe('2026-05-07T14:00:00.000Z');
    expect(b.updatedAt).toBe('2026-05-12T08:00:00.000Z');
    expect(b.resolution).toBe('Restarted');
    const at = (kind: string, to?: string) =>
      b.timeline.find((e: { kind: string; data: { to?: string } }) => e.kind === kind && (!to || e.data.to === to))
        ?.createdAt;
    expect(at('created')).toBe('2026-05-07T14:00:00.000Z');
    expect(at('status_changed', 'in_progress')).toBe('2026-05-11T07:00:00.000Z');
    expect(at('status_changed', 'resolved')).toBe('2026-05-11T13:00:00.000Z');
    expect(at('status_changed', 'closed')).toBe('2026-05-12T08:00:00.000Z');
    const a = (await euAgent.get(`/tickets/${refs['OLD-1']}`)).body;
    expect(a.status).toBe('in_progress');
    expect(a.description).toBe('first line\nsecond line');
    expect(a.reporterEmail).toBe('holder@example.eu');
    expect((await verifyAuditChain(server.db)).ok).toBe(true);
  });

  it('shows the imported tickets to no other party and nothing above the reader’s clearance', async () => {
    expect((await chAgent.get(`/tickets/${refs['OLD-1']}`)).status).toBe(404);
    expect((await euAgent2.get(`/tickets/${refs['OLD-4']}`)).status).toBe(404);
    expect((await euAgent.get(`/tickets/${refs['OLD-4']}`)).status).toBe(200);
    const list = (await chAgent.get('/tickets?q=OLD&limit=50')).body;
    expect(JSON.stringify(list)).not.toContain(refs['OLD-1']);
  });

  it('refuses a bad row with its line and column, and writes nothing', async () => {
    const before = await Promise.all(
      ['tickets', 'ticket_events', 'audit_log', 'ticket_counters'].map((t) => count(server.db, t)),
    );
    const bad = [
      HEADER,
      'NEW-1,Fine,,Link,I2,C1,,,2026-06-01T09:00:00Z,,,,',
      // Line 3: a quoted description over two lines; line 5 is the bad one.
      'NEW-2,Fine too,"two\nlines",Link,I2,C1,,,2026-06-02T09:00:00Z,,,,',
      'NEW-3,Early,,Link,I2,C1,,,2026-06-03T09:00:00Z,2026-06-02T09:00:00Z,,,',
      'NEW-4,Wrong impact,,Link,I9,C1,,,2026-06-03T09:00:00Z,,,,',
    ].join('\n');
    const error = await refusal(importTicketsCsv(server.db, { party: 'EU', csv: bad, source: 'oldtool' }));
    expect(error.code).toBe('import.invalid_row');
    expect(error.params).toMatchObject({
      line: 5,
      field: 'first_intervention_at',
      detail: 'csv_before_opened',
      others: 1,
    });
    expect(errorMessage(error.code, 'fr', { field: error.field ?? '', ...error.params })).toBe(
      'Ligne 5, colonne « first_intervention_at » : antérieur à l’ouverture (1 autre(s) problème(s) dans le fichier). Rien n’a été importé.',
    );
    const after = await Promise.all(
      ['tickets', 'ticket_events', 'audit_log', 'ticket_counters'].map((t) => count(server.db, t)),
    );
    expect(after).toEqual(before);

    const cases: [string, string, number, string, string][] = [
      [
        'unknown column',
        'external_id,title,service,impact,criticality,opened_at,colour\nX,t,s,I1,C1,2026-01-01T00:00:00Z,red',
        1,
        'colour',
        'csv_unknown_column',
      ],
      [
        'missing column',
        'external_id,title,service,impact,criticality\nX,t,s,I1,C1',
        1,
        'opened_at',
        'csv_missing_column',
      ],
      ['local time', `${HEADER}\nX,t,,s,I1,C1,,,2026-01-01 10:00,,,,`, 2, 'opened_at', 'csv_instant'],
      ['future', `${HEADER}\nX,t,,s,I1,C1,,,2999-01-01T10:00:00Z,,,,`, 2, 'opened_at', 'not_future'],
      [
        'closed unresolved',
        `${HEADER}\nX,t,,s,I1,C1,,,2026-01-01T10:00:00Z,,,,2026-01-02T10:00:00Z`,
        2,
        'resolved_at',
        'csv_required_when_closed',
      ],
      [
        'no resolution',
        `${HEADER}\nX,t,,s,I1,C1,,,2026-01-01T10:00:00Z,,2026-01-02T10:00:00Z,,`,
        2,
        'resolution',
        'csv_required_when_resolved',
      ],
      ['field count', `${HEADER}\nX,t,,s,I1,C1`, 2, 'sensitivity', 'csv_field_count'],
      [
        'duplicate id',
        `${HEADER}\nX,t,,s,I1,C1,,,2026-01-01T10:00:00Z,,,,\nX,t,,s,I1,C1,,,2026-01-01T10:00:00Z,,,,`,
        3,
        'external_id',
        'csv_duplicate',
      ],
      ['unclosed quote', `${HEADER}\nX,"t,,s,I1,C1,,,2026-01-01T10:00:00Z,,,,`, 2, 'file', 'csv_syntax'],
      ['bad sensitivity', `${HEADER}\nX,t,,s,I1,C1,SECRET,,2026-01-01T10:00:00Z,,,,`, 2, 'sensitivity', 'csv_one_of'],
      ['empty', HEADER, 1, 'external_id', 'csv_empty'],
      ['already imported', MAY, 2, 'external_id', 'csv_already_imported'],
    ];
    for (const [name, csv, line, field, detail] of cases) {
      const e = await refusal(importTicketsCsv(server.db, { party: 'EU', csv, source: 'oldtool' }));
      expect({ name, ...e.params }).toMatchObject({ name, line, field, detail });
    }
    expect(await Promise.all(['tickets', 'ticket_events', 'audit_log'].map((t) => count(server.db, t)))).toEqual(
      before.slice(0, 3),
    );
    // Another source may carry the same external identifiers: it is another tool's numbering.
    const other = await importTicketsCsv(server.db, { party: 'CH', csv: MAY, source: 'othertool' });
    expect(other.tickets[0]!.ref).toMatch(/^CH-INC-2026-/);
  });

  it('computes priorities with the party’s own matrix and numbers by its local year', async () => {
    const stricter = { ...DEFAULT_PRIORITY_MATRIX, C3: { I1: 'P2', I2: 'P3', I3: 'P4' } };
    const saved = (
      (await server.db.execute(sql`select priority_matrix::text as m from parties where id = 'EU'`)) as unknown as {
        rows: { m: string | null }[];
      }
    ).rows[0]!.m;
    await server.db.execute(
      sql`update parties set priority_matrix = ${JSON.stringify(stricter)}::jsonb where id = 'EU'`,
    );
    try {
      // 23:30 UTC on 31 December 2025 is already 2026 in Paris (the EU party's calendar); in Zurich too.
      const csv = `${HEADER}\nTZ-1,Matrix and year,,Link,I1,C3,,,2025-12-31T23:30:00Z,,,,`;
      const [eu] = (await importTicketsCsv(server.db, { party: 'EU', csv, source: 'yearend' })).tickets;
      const [ch] = (await importTicketsCsv(server.db, { party: 'CH', csv, source: 'yearend' })).tickets;
      expect(eu!.ref).toMatch(/^EU-INC-2026-/);
      expect((await euAgent.get(`/tickets/${eu!.ref}`)).body.priority).toBe('P2');
      // CH keeps the default matrix: the EU's change is not another party's.
      expect(ch!.ref).toMatch(/^CH-INC-2026-/);
      expect((await chAgent.get(`/tickets/${ch!.ref}`)).body.priority).toBe('P3');
    } finally {
      await server.db.execute(sql`update parties set priority_matrix = ${saved}::jsonb where id = 'EU'`);
    }
  });
});

describe.each(STORE_KINDS)('passerelle import --csv (%s)', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-import-csv-'));
  let databaseUrl = '';
  let drop = async () => {};
  const cli = (...args: string[]) =>
    promisify(execFile)('node', ['bin/passerelle.js', ...args], {
      env: { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: databaseUrl, LANG: 'fr_FR.UTF-8' },
    });
  beforeAll(async () => {
    if (kind === 'postgres') ({ url: databaseUrl, drop } = await freshDatabase());
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  });

  it('imports a file, and refuses a bad one naming the line and column in French', { timeout: 180_000 }, async () => {
    await cli('init', '--demo');
    writeFileSync(join(dir, 'may.csv'), MAY);
    const out = JSON.parse(
      (await cli('import', '--csv', join(dir, 'may.csv'), '--party', 'EU', '--as', 'eu.admin')).stdout,
    );
    expect(out).toMatchObject({ party: 'EU', source: 'csv', imported: 4 });
    writeFileSync(join(dir, 'bad.csv'), `${HEADER}\nX,t,,s,I1,C1,,,hier,,,,`);
    const failed = await cli('import', '--csv', join(dir, 'bad.csv'), '--party', 'EU').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('Ligne 2, colonne « opened_at »');
  });
});
