import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import { backupStore, checkBackup, restoreStore } from '../../src/store/backup.ts';
import { actorOf } from '../../src/services/auth/actor.ts';
import { createApiToken } from '../../src/services/auth/api-tokens.ts';
import { createUser } from '../../src/services/parties/create-user.ts';
import { findUserByName } from '../../src/store/directory.ts';
import type { Store } from '../../src/store/db.ts';
import { incidentBody, signIn } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { freshStore, STORE_KINDS } from '../helpers/store.ts';

const count = async (store: { db: Store['db'] }, table: string) =>
  Number(
    (
      (await store.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );

describe.each(STORE_KINDS)('backup and restore (%s)', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-backup-'));
  const file = join(dir, 'backup.gz');
  let server: TestServer;
  const acknowledgedBeforeBackup: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(kind);
  }, 180_000);
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a serving instance consistently: every write acknowledged before the backup is restored, and the chain verifies', async () => {
    const agent = await signIn(server.url, 'eu.agent');
    const acknowledged: string[] = [];
    let stop = false;
    const burst = Promise.all(
      [1, 2, 3].map(async () => {
        while (!stop) {
          const reply = await agent.post('/incidents', incidentBody());
          expect(reply.status).toBe(201);
          acknowledged.push(reply.body.ref as string);
        }
      }),
    );
    while (acknowledged.length < 9) await new Promise((resolve) => setTimeout(resolve, 20));
    acknowledgedBeforeBackup.push(...acknowledged);
    const result = await backupStore(server.db, file);
    const during = acknowledged.length;
    while (acknowledged.length < during + 6) await new Promise((resolve) => setTimeout(resolve, 20));
    stop = true;
    await burst;
    expect(result.rows).toBeGreaterThan(0);
    expect(result.tables.tickets).toBeGreaterThanOrEqual(acknowledgedBeforeBackup.length);

    const target = await freshStore(kind);
    try {
      const restored = await restoreStore(target.db, file);
      expect(restored.rows).toBe(result.rows);
      const refs = (
        (await target.db.execute(sql`select ref from tickets`)) as unknown as { rows: { ref: string }[] }
      ).rows.map((r) => r.ref);
      for (const ref of acknowledgedBeforeBackup) expect(refs).toContain(ref);
      expect(refs.length).toBe(result.tables.tickets);
      const chain = await verifyAuditChain(target.db);
      expect(chain.problem).toBeNull();
      expect(chain.entries).toBe(result.tables.audit_log);
      // The restored instance keeps appending to the same chain.
      await target.db.execute(
        sql`insert into audit_log (actor_id, party, action, data) values (null, 'EU', 'after.restore', '{}')`,
      );
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
      // A backup goes only into an empty store.
      await expect(restoreStore(target.db, file)).rejects.toMatchObject({ code: 'backup.store_not_empty' });
    } finally {
      await target.close();
    }
  });

  it('is taken by the serving process through the API for the instance operators only', async () => {
    await createUser(server.db, {
      party: 'EU',
      username: 'eu.ops',
      displayName: 'EU operator',
      password: 'a-long-operator-password',
      roles: ['sysadmin'],
      clearance: 'LIMITED',
    });
    const ops = (
      await createApiToken(server.db, actorOf((await findUserByName(server.db, 'eu.ops'))!), { name: 'backup' })
    ).token;
    const agent = (
      await createApiToken(server.db, actorOf((await findUserByName(server.db, 'eu.agent'))!), { name: 'x' })
    ).token;
    const get = (token: string) =>
      fetch(`${server.url}/api/v1/admin/backup`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get(agent)).status).toBe(403);
    const response = await get(ops);
    expect(response.status).toBe(200);
    const path = join(dir, 'api.gz');
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    const { rows } = await checkBackup(path);
    expect(rows).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a truncated or altered backup before writing anything', async () => {
    const bytes = readFileSync(file);
    const lines = gunzipSync(bytes).toString('utf8').split('\n');
    const altered = join(dir, 'altered.gz');
    const i = lines.findIndex((l) => l.startsWith('tickets\t'));
    lines[i] = lines[i]!.replace(/"title":"[^"]*"/, '"title":"rewritten"');
    writeFileSync(altered, gzipSync(Buffer.from(lines.join('\n'))));
    const truncated = join(dir, 'truncated.gz');
    writeFileSync(truncated, bytes);
    truncateSync(truncated, Math.floor(statSync(truncated).size * 0.6));
    const foreign = join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync(Buffer.from('{"hello":"world"}\n')));
    const target = await freshStore(kind);
    try {
      for (const [path, reason] of [
        [altered, /checksum/],
        [truncated, /./],
        [foreign, /not a Passerelle backup/],
      ] as const) {
        const error = (await restoreStore(target.db, path).catch((e: unknown) => e)) as AppError;
        expect(error).toBeInstanceOf(AppError);
        expect(error.code).toBe('backup.invalid');
        expect(String(error.params?.reason)).toMatch(reason);
      }
      expect(await count(target, 'tickets')).toBe(0);
      expect(await count(target, 'parties')).toBe(0);
    } finally {
      await target.close();
    }
  });
});

// Keeps the CLI path honest: `passerelle backup` and `restore` on PGlite data directories.
describe('backup and restore from the command line', () => {
  it('backs up one data directory and restores it into another', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-backup-cli-'));
    try {
      const cli = (dataDir: string, ...args: string[]) =>
        execFileSync('node', ['bin/passerelle.js', ...args], {
          env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
          encoding: 'utf8',
        });
      cli(join(dir, 'a'), 'init');
      cli(join(dir, 'a'), 'party', 'add', '--id', 'FR', '--name', 'ANSSI');
      const out = JSON.parse(cli(join(dir, 'a'), 'backup', '--out', join(dir, 'b.gz'))) as { rows: number };
      expect(out.rows).toBeGreaterThan(0);
      const restored = JSON.parse(cli(join(dir, 'b'), 'restore', '--file', join(dir, 'b.gz'))) as { rows: number };
      expect(restored.rows).toBe(out.rows);
      const verify = JSON.parse(cli(join(dir, 'b'), 'audit', 'verify')) as { ok: boolean; entries: number };
      expect(verify).toMatchObject({ ok: true });
      expect(verify.entries).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 480_000);
});
