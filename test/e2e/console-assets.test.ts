import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { ensureConsoleBuilt } from './browser.ts';

/** A raw GET (no automatic decompression): status, headers and the size of the body as sent. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }>(
    (resolve, reject) => {
      request(url, { headers }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }));
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('console assets: sent compressed, hashed ones cached immutably', () => {
  let server: TestServer;
  let script = '';
  let preloaded: string[] = [];
  beforeAll(async () => {
    ensureConsoleBuilt();
    server = await startTestServer();
    const index = await (await fetch(`${server.url}/`)).text();
    script = /src="(\/assets\/index-[^"]+\.js)"/.exec(index)![1]!;
    preloaded = [...index.matchAll(/rel="modulepreload"[^>]*href="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  });
  afterAll(() => server.close());

  it('sends the initial script brotli- or gzip-compressed, as the browser accepts, ≤ 250 KB', async () => {
    const plain = await get(`${server.url}${script}`);
    const br = await get(`${server.url}${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await get(`${server.url}${script}`, { 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.bytes).toBeLessThan(plain.bytes / 3);
    expect(br.bytes).toBeLessThanOrEqual(250 * 1024);
    expect(gzip.bytes).toBeLessThanOrEqual(250 * 1024);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
  });

  it('caches hashed assets for a year, immutable; the page itself is revalidated', async () => {
    const asset = await get(`${server.url}${script}`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html']) {
      const page = await get(`${server.url}${path}`, { 'accept-encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends the initial JavaScript (entry and the chunks it imports) in ≤ 250 KB brotli', async () => {
    // The entry imports its shared chunks statically; index.html preloads each of them.
    expect(preloaded.length).toBeGreaterThan(0);
    let bytes = 0;
    for (const path of [script, ...preloaded]) {
      const sent = await get(`${server.url}${path}`, { 'accept-encoding': 'br' });
      expect(sent.status, path).toBe(200);
      bytes += sent.bytes;
    }
    expect(bytes).toBeLessThanOrEqual(250 * 1024);
  });

  it('sends every chunk of the console compressed and cached immutably', async () => {
    const assets = fileURLToPath(new URL('../../dist/web/assets/', import.meta.url));
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    // The console is split into one chunk per page at least.
    expect(scripts.length).toBeGreaterThan(20);
    for (const name of scripts) {
      const sent = await get(`${server.url}/assets/${name}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(sent.status, name).toBe(200);
      expect(sent.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
      // Chunks under 1 KB are not worth compressing (src/web/precompress.ts).
      if (sent.bytes >= 1024) expect(sent.headers['content-encoding'], name).toBe('br');
    }
  });
});
