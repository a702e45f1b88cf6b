import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { openStore } from '../../src/store/db.ts';
import { instanceId } from '../../src/store/instance.ts';
import { incidentBody, withToken } from '../helpers/client.ts';
import { freshDatabase, STORE_KINDS } from '../helpers/store.ts';

const run = promisify(execFile);

/** The CLI works on the same store as the server: PGlite in DATA_DIR, or PostgreSQL by DATABASE_URL. */
describe.each(STORE_KINDS)('passerelle CLI (%s)', (kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-cli-'));
  let databaseUrl = '';
  let drop = async () => {};
  const cli = (...args: string[]) =>
    run('node', ['bin/passerelle.js', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SECRET_PW: 'a-long-script-password' },
    });
  beforeAll(async () => {
    if (kind === 'postgres') ({ url: databaseUrl, drop } = await freshDatabase());
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  });

  it('lets a script create a party, a user and a token, then use the API with it', async () => {
    const init = JSON.parse((await cli('init')).stdout) as { migrated: boolean };
    expect(init.migrated).toBe(true);
    const party = JSON.parse(
      (
        await cli(
          'party',
          'add',
          '--id',
          'FR',
          '--name',
          'ANSSI',
          '--language',
          'fr',
          '--resolver-group',
          'FR CERT',
          '--time-zone',
          'Europe/Paris',
          '--country',
          'FR',
        )
      ).stdout,
    ) as { groups: { name: string }[] };
    expect(party.groups.map((g) => g.name)).toEqual(['FR Service Desk', 'FR CERT']);
    const user = JSON.parse(
      (
        await cli(
          'user',
          'add',
          '--party',
          'FR',
          '--username',
          'fr.bot',
          '--name',
          'Monitoring',
          '--password-env',
          'SECRET_PW',
          '--roles',
          'agent',
          '--clearance',
          'LIMITED',
          '--group',
          'FR Service Desk',
        )
      ).stdout,
    ) as { username: string };
    expect(user.username).toBe('fr.bot');
    expect(JSON.parse((await cli('party', 'set', '--id', 'FR', '--require-totp', 'false')).stdout)).toEqual({
      party: 'FR',
      requireTotp: false,
    });
    const token = (await cli('token', 'create', '--username', 'fr.bot', '--name', 'nagios')).stdout.trim();
    expect(token).toMatch(/^psl_/);

    const refused = await cli(
      'user',
      'add',
      '--party',
      'XX',
      '--username',
      'x',
      '--password-env',
      'SECRET_PW',
      '--roles',
      'agent',
      '--clearance',
      'LIMITED',
    ).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('party.not_found') });
    const badZone = await cli('party', 'add', '--id', 'ZZ', '--name', 'Nowhere', '--time-zone', 'Mars/Olympus').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(badZone).toMatchObject({ code: 1, stderr: expect.stringContaining('timeZone') });
    const badRole = await cli(
      'user',
      'add',
      '--party',
      'FR',
      '--username',
      'y',
      '--password-env',
      'SECRET_PW',
      '--roles',
      'wizard',
      '--clearance',
      'LIMITED',
    ).catch((e: { code: number; stderr: string }) => e);
    expect(badRole).toMatchObject({ code: 1, stderr: expect.stringContaining('roles') });

    const store = await openStore({ dataDir, databaseUrl: databaseUrl || undefined });
    const app = await buildApp({
      db: store.db,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      instanceId: await instanceId(store.db),
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const created = await withToken(url, token).post('/incidents', incidentBody());
      expect(created.status).toBe(201);
      expect(created.body.ref).toMatch(/^FR-INC-/);
    } finally {
      await app.close();
      await store.close();
    }
    // Eight process starts, each opening the store: slow on a loaded two-core machine.
  }, 90_000);
});
