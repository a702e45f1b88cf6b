import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, STORE_KINDS } from '../helpers/store.ts';

const run = promisify(execFile);
type Failure = { code: number; stderr: string };

/** Proposals and webhooks from the shell: the same services and refusals as the API. */
describe.each(STORE_KINDS)('passerelle proposal / webhook CLI (%s)', (kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-admin-cli-'));
  let databaseUrl = '';
  let drop = async () => {};
  const cli = (...args: string[]) =>
    run('node', ['bin/passerelle.js', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LANG: 'en_GB.UTF-8' },
    });
  const fails = (...args: string[]) =>
    cli(...args).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: Failure) => e,
    );
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  beforeAll(async () => {
    if (kind === 'postgres') ({ url: databaseUrl, drop } = await freshDatabase());
    await cli('init', '--demo');
  }, 60_000);
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  });

  it('proposes an agreement change that waits for the other party, and refuses a decision by the proposer', async () => {
    const change = JSON.stringify({ kind: 'service_target', service: 'Link', targetPct: 99.5 });
    const created = JSON.parse(
      (await cli('proposal', 'create', '--as', 'eu.admin', '--effective-from', tomorrow, '--change', change, '--json'))
        .stdout,
    );
    expect(created).toMatchObject({ status: 'proposed', partyId: 'EU', awaitedParties: ['CH'] });
    expect(await fails('proposal', 'accept', '--as', 'eu.admin', '--id', created.id)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('agreement.not_awaited'),
    });
    expect(await fails('proposal', 'accept', '--as', 'ch.agent', '--id', created.id)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('auth.forbidden'),
    });
    const bad = await fails(
      'proposal',
      'create',
      '--as',
      'eu.admin',
      '--effective-from',
      tomorrow,
      '--change',
      JSON.stringify({ kind: 'service_target', service: 'Link', targetPct: 140 }),
    );
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('change.targetPct') });
    const accepted = JSON.parse((await cli('proposal', 'accept', '--as', 'ch.admin', '--id', created.id)).stdout);
    expect(accepted.status).toBe('accepted');
    const listed = JSON.parse((await cli('proposal', 'list', '--as', 'ch.agent', '--status', 'accepted')).stdout);
    expect(listed.map((p: { id: string }) => p.id)).toEqual([created.id]);
  }, 120_000);

  it('subscribes a webhook within the creator’s clearance and to http(s) only', async () => {
    expect(
      await fails('webhook', 'add', '--as', 'eu.admin', '--url', 'ftp://example.org/x', '--clearance', 'LIMITED'),
    ).toMatchObject({ code: 1, stderr: expect.stringContaining('(url)') });
    expect(
      await fails('webhook', 'add', '--as', 'eu.admin', '--url', 'https://example.org/x', '--clearance', 'CRITICAL'),
    ).toMatchObject({ code: 1, stderr: expect.stringContaining('webhook.clearance_above_own') });
    const added = JSON.parse(
      (
        await cli(
          'webhook',
          'add',
          '--as',
          'eu.admin',
          '--url',
          'https://monitoring.example.org/hook',
          '--clearance',
          'LIMITED',
          '--kinds',
          'created,comment',
        )
      ).stdout,
    );
    expect(added.secret).toMatch(/^whsec_/);
    const list = JSON.parse((await cli('webhook', 'list', '--as', 'eu.admin', '--json')).stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: added.id, eventKinds: ['created', 'comment'], status: 'active' });
    expect(list[0].secret).toBeUndefined();
    expect(JSON.parse((await cli('webhook', 'list', '--as', 'ch.admin')).stdout)).toEqual([]);
    expect(await fails('webhook', 'set', '--as', 'ch.admin', '--id', added.id, '--status', 'paused')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('webhook.not_found'),
    });
  }, 120_000);
});
