import { connect } from 'node:net';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, incidentBody, signIn, withToken } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

describe.each(STORE_KINDS)('sign-in, sessions, tokens and TOTP (%s)', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  const login = (body: unknown, lang = 'en') =>
    fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body: JSON.stringify(body),
    });

  it('sets an HttpOnly SameSite session cookie and protects cookie writes against CSRF', async () => {
    const response = await login({ username: 'eu.agent', password: 'passerelle-demo' });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const cookie = setCookie.split(';')[0]!;
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/v1/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify(incidentBody()),
      });
    const noCsrf = await post({});
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { error: { code: string } }).error.code).toBe('auth.csrf');
    expect((await post({ 'x-csrf-token': 'forged' })).status).toBe(403);
    const me = (await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).json()) as {
      csrfToken: string;
      user: { party: string };
    };
    expect(me.user.party).toBe('EU');
    expect((await post({ 'x-csrf-token': me.csrfToken })).status).toBe(201);
    const out = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses wrong passwords in the caller’s language and rate-limits in the database', async () => {
    const wrong = await login({ username: 'ch.admin', password: 'nope' }, 'fr');
    expect(wrong.status).toBe(401);
    const body = (await wrong.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: 'auth.invalid_credentials',
      message: 'Identifiant inconnu ou mot de passe erroné.',
    });
    for (let i = 0; i < 9; i++) await login({ username: 'ch.admin', password: 'nope' });
    const limited = await login({ username: 'ch.admin', password: 'passerelle-demo' });
    expect(limited.status).toBe(429);
    expect((await anonymous(server.url).get('/tickets')).status).toBe(401);
  });

  it('lets no more than the limit of parallel guesses be checked', async () => {
    const replies = await Promise.all(
      Array.from({ length: 25 }, () => login({ username: 'ch.manager', password: 'wrong' })),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });

  it('authenticates by the matched route, whatever form the request target takes', async () => {
    const { port } = new URL(server.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.end(`GET ${server.url}/api/v1/parties HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 401/);
  });

  it('creates, uses, lists and revokes API tokens; the secret is shown once and expired tokens fail', async () => {
    const agent = await signIn(server.url, 'eu.resolver');
    const created = await agent.post('/me/tokens', { name: 'monitoring' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^psl_/);
    const listed = await agent.get('/me/tokens');
    expect(listed.body.items[0]).not.toHaveProperty('token');
    const monitoring = withToken(server.url, token);
    const incident = await monitoring.post('/incidents', incidentBody({ title: 'Probe failed' }));
    expect(incident.status).toBe(201);
    expect(incident.body.channel).toBe('api');
    const other = await signIn(server.url, 'eu.agent');
    expect((await other.del(`/me/tokens/${created.body.id}`)).status).toBe(404);
    expect((await agent.del(`/me/tokens/${created.body.id}`)).status).toBe(204);
    const revoked = await monitoring.get('/tickets');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('auth.token_invalid');
    expect((await agent.post('/me/tokens', { name: 'old', expiresAt: '2020-01-01T00:00:00Z' })).body.error.field).toBe(
      'expiresAt',
    );
  });

  it('enrols TOTP, then requires the code at sign-in', async () => {
    const user = await signIn(server.url, 'ch.resolver');
    const setup = await user.post('/me/totp/setup');
    const secret: string = setup.body.secret;
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect((await user.post('/me/totp/enable', { code: '000000' })).status).toBe(401);
    expect((await user.post('/me/totp/enable', { code: await generate({ secret }) })).status).toBe(204);
    const withoutCode = await login({ username: 'ch.resolver', password: 'passerelle-demo' });
    expect(withoutCode.status).toBe(401);
    expect(((await withoutCode.json()) as { error: { code: string; field: string } }).error).toMatchObject({
      code: 'auth.totp_required',
      field: 'totp',
    });
    expect((await login({ username: 'ch.resolver', password: 'passerelle-demo', totp: '123456' })).status).toBe(401);
    // The code that enabled TOTP is used up; the next time step's code signs in.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await signIn(server.url, 'ch.resolver', 'passerelle-demo', next);
  });
});
