import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, STORE_KINDS } from '../helpers/store.ts';

const run = promisify(execFile);

/** IF-3: users, groups and single sign-on from the shell, through the administration services. */
describe.each(STORE_KINDS)('passerelle CLI: users, groups, SSO (%s)', { timeout: 180_000 }, (kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-admin-cli-'));
  let databaseUrl = '';
  let drop = async () => {};
  const env = () => ({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    MAIL_SECRET_KEY: 'b2'.repeat(32),
    IDP_SECRET: 'client-secret-value',
    LANG: 'fr_FR.UTF-8',
  });
  const cli = async (...args: string[]) =>
    JSON.parse((await run('node', ['bin/passerelle.js', ...args], { env: env() })).stdout);
  const fails = (...args: string[]) =>
    run('node', ['bin/passerelle.js', ...args], { env: env() }).then(
      () => {
        throw new Error('expected a failure');
      },
      (error: { code: number; stderr: string }) => error,
    );

  beforeAll(async () => {
    if (kind === 'postgres') ({ url: databaseUrl, drop } = await freshDatabase());
    await cli('init', '--demo');
  }, 60_000);
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  });

  it('invites, changes and lists users with --json, and never reaches another party’s account', async () => {
    const invited = await cli(
      'user',
      'invite',
      '--party',
      'EU',
      '--username',
      'eu.cli',
      '--name',
      'Cli User',
      '--email',
      'cli@example.org',
      '--roles',
      'agent',
      '--clearance',
      'LIMITED',
      '--base-url',
      'https://desk.example',
      '--json',
    );
    expect(invited.link).toMatch(/^https:\/\/desk\.example\/#\/account-link\/pl_/);
    const changed = await cli(
      'user',
      'set',
      '--party',
      'EU',
      '--username',
      'eu.cli',
      '--roles',
      'agent,resolver',
      '--active',
      'false',
    );
    expect(changed).toMatchObject({ roles: ['agent', 'resolver'], active: false });
    const listed = await cli('user', 'list', '--party', 'EU', '--json');
    expect(listed.find((u: { username: string }) => u.username === 'eu.cli')).toMatchObject({
      active: false,
      lastSignInAt: null,
    });
    expect(listed.every((u: { username: string }) => u.username.startsWith('eu.'))).toBe(true);
    const other = await fails('user', 'set', '--party', 'EU', '--username', 'ch.agent', '--active', 'false');
    expect(other.stderr).toContain('user.not_found');
    expect(
      (await cli('user', 'list', '--party', 'CH')).find((u: { username: string }) => u.username === 'ch.agent').active,
    ).toBe(true);
  });

  it('creates a group and adds a member; stores SSO settings with the secret sealed', async () => {
    await cli('group', 'add', '--party', 'EU', '--name', 'EU Network', '--kind', 'resolver');
    const member = await cli('group', 'member', '--party', 'EU', '--group', 'EU Network', '--username', 'eu.resolver');
    expect(member.members).toHaveLength(1);
    const sso = await cli(
      'sso',
      'set',
      '--party',
      'EU',
      '--issuer',
      'https://idp.eu.example',
      '--client-id',
      'passerelle',
      '--secret-env',
      'IDP_SECRET',
      '--role-map',
      'desk=agent;ops=agent,resolver',
      '--clearance-map',
      'l=LIMITED',
      '--json',
    );
    expect(sso).toMatchObject({
      issuer: 'https://idp.eu.example',
      hasClientSecret: true,
      roleMap: { ops: ['agent', 'resolver'] },
    });
    expect(JSON.stringify(await cli('sso', 'show', '--party', 'EU'))).not.toContain('client-secret-value');
    const bad = await fails(
      'sso',
      'set',
      '--party',
      'EU',
      '--issuer',
      'http://idp.eu.example',
      '--client-id',
      'x',
      '--role-map',
      'a=agent',
      '--clearance-map',
      'l=LIMITED',
    );
    expect(bad.stderr).toContain('issuer');
  });
});
