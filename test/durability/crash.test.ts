import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { incidentBody, signIn } from '../helpers/client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-crash-'));

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn('node', ['bin/passerelle.js', 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  // A first start seeds the demo (a score of argon2 hashes): slow on a busy two-core machine.
  for (let i = 0; i < 900; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

/** NFR-3: a write acknowledged by the embedded store survives the process being killed. */
describe('crash durability on the embedded store', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged incident after SIGKILL', { timeout: 180_000 }, async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const first = await startServer(port);
    const agent = await signIn(`http://127.0.0.1:${port}`, 'eu.agent');
    const refs: string[] = [];
    for (let i = 0; i < 5; i++)
      refs.push((await agent.post('/incidents', incidentBody({ title: `Durable ${i}` }))).body.ref);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    const second = await startServer(port);
    try {
      const again = await signIn(`http://127.0.0.1:${port}`, 'eu.agent');
      for (const ref of refs) expect((await again.get(`/tickets/${ref}`)).status).toBe(200);
      const next = await again.post('/incidents', incidentBody());
      expect(Number(next.body.ref.split('-').at(-1))).toBeGreaterThan(Number(refs.at(-1)!.split('-').at(-1)));
    } finally {
      second.kill('SIGKILL');
    }
  });
});
