import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { openStore } from '../../src/store/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-tls-'));

describe('HTTPS', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves TLS itself when given a certificate, and marks the session cookie Secure', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    expect(() => loadConfig({ TLS_CERT_FILE: cert })).toThrow(/TLS_KEY_FILE/);
    const store = await openStore({ dataDir: 'memory://' });
    await seedDemo(store.db, '00000000-0000-4000-8000-000000000000');
    const app = await buildApp({
      db: store.db,
      config: loadConfig({ LOG_LEVEL: 'silent', TLS_CERT_FILE: cert, TLS_KEY_FILE: key }),
      instanceId: '00000000-0000-4000-8000-000000000000',
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const setCookie = await new Promise<string[]>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/v1/auth/login',
            method: 'POST',
            rejectUnauthorized: false,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            resolve(res.headers['set-cookie'] ?? []);
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ username: 'eu.agent', password: 'passerelle-demo' }));
      });
      expect(setCookie[0]).toMatch(/; Secure/);
      expect(setCookie[0]).toMatch(/HttpOnly/);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
