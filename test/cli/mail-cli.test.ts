import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawMessage } from '../helpers/messages.ts';
import { freshDatabase, STORE_KINDS } from '../helpers/store.ts';

/** COL-2 for sites whose MTA pipes mail: `passerelle mail ingest --mailbox NAME < message.eml`. */
describe.each(STORE_KINDS)('passerelle mail CLI (%s)', (kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-mail-cli-'));
  let databaseUrl = '';
  let drop = async () => {};
  const cli = (args: string[], input = '') =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('node', ['bin/passerelle.js', ...args], {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl,
          MAIL_SECRET_KEY: 'c'.repeat(64),
          IMAP_PW: 'imap-password',
          LANG: 'en_GB',
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin.end(input);
    });
  beforeAll(async () => {
    if (kind === 'postgres') ({ url: databaseUrl, drop } = await freshDatabase());
    expect((await cli(['init', '--demo'])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  });

  it('adds a mailbox and files piped mail by the collector’s rules', async () => {
    const add = await cli([
      'mailbox',
      'add',
      '--party',
      'CH',
      '--name',
      'ch-desk',
      '--host',
      'imap.ch.example',
      '--port',
      '993',
      '--user',
      'desk',
      '--secret-env',
      'IMAP_PW',
      '--service',
      'Registry',
      '--address',
      'desk@ch.example',
    ]);
    expect(add.code).toBe(0);
    expect(add.stdout).not.toContain('imap-password');
    expect(JSON.parse((await cli(['mailbox', 'list', '--party', 'CH'])).stdout)[0]).toMatchObject({
      name: 'ch-desk',
      address: 'desk@ch.example',
      imapTls: true,
    });
    const raw = rawMessage({ from: 'Eve <eve@ops.example>', to: 'desk@ch.example', subject: 'Piped', text: 'Hello' });
    const first = JSON.parse((await cli(['mail', 'ingest', '--mailbox', 'ch-desk'], raw)).stdout);
    expect(first).toMatchObject({ outcome: 'ticket' });
    expect(first.ref).toMatch(/^CH-INC-\d{4}-\d{6}$/);
    expect(JSON.parse((await cli(['mail', 'ingest', '--mailbox', 'ch-desk'], raw)).stdout).outcome).toBe('duplicate');
    const reply = rawMessage({ from: 'eve@ops.example', subject: `Re: [${first.ref}]`, text: 'More' });
    expect(JSON.parse((await cli(['mail', 'ingest', '--mailbox', 'ch-desk'], reply)).stdout)).toMatchObject({
      outcome: 'comment',
      ref: first.ref,
    });
    const bounce = rawMessage({ from: 'MAILER-DAEMON@ops.example', subject: 'Undeliverable', text: 'x' });
    expect(JSON.parse((await cli(['mail', 'ingest', '--mailbox', 'ch-desk'], bounce)).stdout).outcome).toBe('ignored');
    const missing = await cli(['mail', 'ingest', '--mailbox', 'nope'], raw);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('mailbox.not_found');
  }, 300_000);

  it('lists, retries and drops quarantined mail', async () => {
    const broken =
      'From: x@ops.example\r\nSubject: broken\r\nMessage-ID: <broken@ops.example>\r\n' +
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno boundary\r\n';
    expect(JSON.parse((await cli(['mail', 'ingest', '--mailbox', 'ch-desk'], broken)).stdout)).toMatchObject({
      outcome: 'quarantined',
      reason: 'broken_mime',
    });
    const held = JSON.parse((await cli(['quarantine', 'list', '--party', 'CH', '--status', 'held'])).stdout);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ sender: 'x@ops.example', reason: 'broken_mime', status: 'held' });
    expect(JSON.parse((await cli(['quarantine', 'list', '--party', 'EU'])).stdout)).toEqual([]);
    const retried = JSON.parse((await cli(['quarantine', 'retry', '--party', 'CH', '--id', held[0].id])).stdout);
    expect(retried.outcome).toBe('quarantined');
    expect(JSON.parse((await cli(['quarantine', 'drop', '--party', 'CH', '--id', held[0].id])).stdout).status).toBe(
      'dropped',
    );
    const again = await cli(['quarantine', 'drop', '--party', 'CH', '--id', held[0].id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('quarantine.decided');
  }, 300_000);
});
