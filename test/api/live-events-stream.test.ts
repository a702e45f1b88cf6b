import Fastify, { type FastifyInstance } from 'fastify';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { eventRoutes } from '../../src/http/routes/events.ts';
import type { RouteDeps } from '../../src/http/routes/deps.ts';
import type { LiveReader, TicketFeed } from '../../src/services/live/ticket-feed.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The stream route alone, in front of a feed the test drives; every request is an authenticated actor. */
async function routeWith(open: (reader: LiveReader) => Promise<() => void>) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const sockets: Socket[] = [];
  app.addHook('onRequest', async (request) => {
    sockets.push(request.raw.socket);
    request.actor = { id: 'u1', party: 'EU' } as Actor;
    request.sessionId = 's1';
  });
  const feed: TicketFeed = { open, closeAll: () => undefined, stop: async () => undefined };
  const deps = { config: loadConfig({}) } as RouteDeps;
  await app.register(eventRoutes(deps, feed), { prefix: '/api/v1' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/events/stream`;
  return { app, url, sockets };
}

/** Opens the stream without reading it (the response stays paused until the test reads). */
function connect(url: string) {
  return new Promise<{ response: IncomingMessage; close(): void }>((resolve, reject) => {
    const request = get(url, { agent: false }, (response) => resolve({ response, close: () => request.destroy() }));
    request.on('error', reject);
  });
}

describe('live updates: the stream of one connection', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('removes the reader of a client that left while the stream was being registered', async () => {
    let release!: () => void;
    const registered = new Promise<void>((resolve) => (release = resolve));
    let removed = 0;
    const route = await routeWith(async () => {
      await registered;
      return () => void removed++;
    });
    app = route.app;
    const request = get(route.url, { agent: false });
    request.on('error', () => undefined);
    await expect.poll(() => route.sockets.length).toBe(1);
    request.destroy();
    await expect.poll(() => route.sockets[0]!.destroyed).toBe(true);
    release();
    await expect.poll(() => removed).toBe(1);
  });

  it('delivers the final end frame a slow client has not read yet', async () => {
    let reader!: LiveReader;
    const route = await routeWith(async (r) => {
      reader = r;
      return () => undefined;
    });
    app = route.app;
    const { response } = await connect(route.url);
    response.pause();
    // Fill the socket until Node itself buffers, then a little more: the stream holds unsent frames.
    const ref = 'x'.repeat(16 * 1024);
    for (let i = 0; i < 2000 && route.sockets[0]!.writableLength === 0; i++) {
      reader.send({ id: String(i), ref, version: 1 });
      await sleep(1);
    }
    expect(route.sockets[0]!.writableLength).toBeGreaterThan(0);
    for (let i = 0; i < 8; i++) reader.send({ id: `more-${i}`, ref, version: 1 });
    reader.end('signed_out');
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.resume();
    await new Promise((resolve) => response.once('close', resolve));
    expect(text.endsWith('event: end\ndata: {"reason":"signed_out"}\n\n')).toBe(true);
  });

  it('disconnects a client whose unsent frames pass the bound, and removes its reader', async () => {
    let reader!: LiveReader;
    let removed = 0;
    const route = await routeWith(async (r) => {
      reader = r;
      return () => void removed++;
    });
    app = route.app;
    const { response } = await connect(route.url);
    response.pause();
    response.on('error', () => undefined);
    const ref = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 400 && removed === 0; i++) {
      reader.send({ id: String(i), ref, version: 1 });
      await sleep(1);
    }
    expect(removed).toBe(1);
    await expect.poll(() => route.sockets[0]!.destroyed).toBe(true);
  });
});
