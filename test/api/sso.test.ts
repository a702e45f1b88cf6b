import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailKey, openSecret } from '../../src/services/mail/mail-secret.ts';
import { auditLog, partySso, users } from '../../src/store/schema/index.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { CookieJar, signInAtProvider, startOidcProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const KEY = 'a1'.repeat(32);

/** The console's session cookie and where the browser was sent, after the provider's redirect back. */
async function callback(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('passerelle_session='));
  return { status: response.status, location: response.headers.get('location') ?? '', cookie };
}

describe.each(STORE_KINDS)('IF-4 single sign-on with OpenID Connect (%s)', (kind) => {
  let server: TestServer;
  let euIdp: TestProvider, chIdp: TestProvider;
  let euAdmin: Client, chAdmin: Client;
  let callbackUrl: string;

  const settings = (idp: TestProvider, overrides: Record<string, unknown> = {}) => ({
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    roleClaim: 'groups',
    roleMap: { 'desk-agents': ['agent'], resolvers: ['resolver'] },
    clearanceClaim: 'ets_clearance',
    clearanceMap: { 'ets-limited': 'LIMITED' },
    accountMode: 'create',
    enabled: true,
    ...overrides,
  });

  /** Starts at the console's button for `party`, signs in at the provider as `login`; returns the redirect back. */
  async function ssoAt(party: string, login: string) {
    const start = await fetch(`${server.url}/api/v1/auth/oidc/${party}/start`, { redirect: 'manual' });
    const location = start.headers.get('location') ?? '';
    if (!location.startsWith('http://127.0.0.1')) return { error: location };
    return { back: await signInAtProvider(location, login, callbackUrl, new CookieJar()) };
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { OIDC_ALLOW_HTTP: 'true', MAIL_SECRET_KEY: KEY });
    callbackUrl = `${server.url}/api/v1/auth/oidc/callback`;
    const common = { redirectUri: callbackUrl, postLogoutRedirectUri: `${server.url}/` };
    euIdp = await startOidcProvider({
      ...common,
      accounts: {
        alice: {
          email: 'alice@eu.example',
          email_verified: true,
          name: 'Alice Martin',
          preferred_username: 'alice',
          groups: ['desk-agents'],
          ets_clearance: 'ets-limited',
        },
        bob: { email: 'bob@eu.example', email_verified: true, groups: ['marketing'], ets_clearance: 'ets-limited' },
      },
    });
    chIdp = await startOidcProvider({
      ...common,
      accounts: {
        // Carries the e-mail address of an EU account.
        carol: {
          email: 'eu.agent@demo.invalid',
          email_verified: true,
          groups: ['desk-agents'],
          ets_clearance: 'ets-limited',
        },
      },
    });
    [euAdmin, chAdmin] = await Promise.all([signIn(server.url, 'eu.admin'), signIn(server.url, 'ch.admin')]);
  });
  afterAll(async () => {
    await server.close();
    await euIdp.close();
    await chIdp.close();
  });

  it('stores the settings with the client secret sealed, for the party’s own administrators only', async () => {
    const before = (await server.db.select().from(auditLog)).length;
    expect((await chAdmin.put('/parties/EU/sso', settings(euIdp))).status).toBe(403);
    expect((await chAdmin.get('/parties/EU/sso')).status).toBe(403);
    // The mapping cannot hand out more than the administrator may grant (eu.admin holds LIMITED).
    const above = await euAdmin.put('/parties/EU/sso', settings(euIdp, { clearanceMap: { 'ets-s': 'SENSITIVE' } }));
    expect(above.body.error.code).toBe('access_review.clearance_above_own');
    const level3 = await euAdmin.put('/parties/EU/sso', settings(euIdp, { roleMap: { imt: ['imt_member'] } }));
    expect(level3.body.error.code).toBe('access_review.role_not_grantable');
    const ftp = await euAdmin.put('/parties/EU/sso', settings(euIdp, { issuer: 'ftp://idp.example' }));
    expect(ftp.body.error.field).toBe('issuer');
    expect((await server.db.select().from(auditLog)).length).toBe(before);
    expect(await server.db.select().from(partySso)).toHaveLength(0);

    const saved = await euAdmin.put('/parties/EU/sso', settings(euIdp));
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({ issuer: euIdp.issuer, hasClientSecret: true, accountMode: 'create' });
    expect(JSON.stringify(saved.body)).not.toContain(euIdp.clientSecret);
    const row = (await server.db.select().from(partySso).where(eq(partySso.partyId, 'EU')))[0]!;
    expect(row.clientSecretSealed).not.toContain(euIdp.clientSecret);
    expect(openSecret(mailKey(KEY), row.clientSecretSealed)).toBe(euIdp.clientSecret);
    const listed = await fetch(`${server.url}/api/v1/auth/sso`).then((r) => r.json());
    expect(listed.items).toEqual([{ party: 'EU', name: expect.any(String) }]);
  });

  it('signs a person in through the provider, creating the account at first sign-in with the mapped access', async () => {
    const { back } = await ssoAt('EU', 'alice');
    expect(back).toMatch(/[?&]code=/);
    const done = await callback(back!);
    expect(done.location).toBe('/#/tickets');
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: done.cookie! } }).then((r) => r.json());
    expect(me.user).toMatchObject({ username: 'eu.alice', party: 'EU', roles: ['agent'], clearance: 'LIMITED' });
    // The state is good once: the same redirect replayed is refused.
    expect((await callback(back!)).location).toContain('sso_error=sso.state_invalid');
    // A second sign-in finds the same account.
    const again = await callback((await ssoAt('EU', 'alice')).back!);
    expect(again.location).toBe('/#/tickets');
    expect(await server.db.select().from(users).where(eq(users.email, 'alice@eu.example'))).toHaveLength(1);
  });

  it('refuses a person whose claims map to no role, creating nothing', async () => {
    const done = await callback((await ssoAt('EU', 'bob')).back!);
    expect(done.location).toContain('sso_error=sso.unmapped_role');
    expect(done.cookie).toBeUndefined();
    expect(await server.db.select().from(users).where(eq(users.email, 'bob@eu.example'))).toHaveLength(0);
  });

  it('refuses an expired ID token', async () => {
    euIdp.expireIdTokens = true;
    try {
      const done = await callback((await ssoAt('EU', 'alice')).back!);
      expect(done.location).toContain('sso_error=sso.token_invalid');
      expect(done.cookie).toBeUndefined();
    } finally {
      euIdp.expireIdTokens = false;
    }
    const failures = await server.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed'));
    expect(failures.some((f) => JSON.stringify(f.data).includes('sso.token_invalid'))).toBe(true);
  });

  it('refuses a provider that answers with another issuer than the one configured', async () => {
    // The provider calls itself http://127.0.0.1:port; the settings say localhost.
    await chAdmin.put('/parties/CH/sso', settings(chIdp, { issuer: `http://localhost:${chIdp.port}` }));
    const start = await fetch(`${server.url}/api/v1/auth/oidc/CH/start`, { redirect: 'manual' });
    expect(start.headers.get('location')).toContain('sso_error=sso.provider_error');
  });

  it("refuses a user of the other party's provider, whether by code or by e-mail address", async () => {
    await chAdmin.put('/parties/CH/sso', settings(chIdp, { accountMode: 'link' }));
    // CH links only to CH accounts: carol's address is an EU account's, which stays unlinked.
    const linked = await callback((await ssoAt('CH', 'carol')).back!);
    expect(linked.location).toContain('sso_error=sso.no_account');
    expect((await server.db.select().from(users).where(eq(users.username, 'eu.agent')))[0]!.oidcSubject).toBeNull();
    // A code issued by CH's provider, brought to a sign-in begun at EU's: refused.
    const euStart = await fetch(`${server.url}/api/v1/auth/oidc/EU/start`, { redirect: 'manual' });
    const euState = new URL(euStart.headers.get('location')!).searchParams.get('state')!;
    const chBack = new URL((await ssoAt('CH', 'carol')).back!);
    chBack.searchParams.set('state', euState);
    const crossed = await callback(chBack.href);
    expect(crossed.location).toContain('sso_error=sso.token_invalid');
    expect(crossed.cookie).toBeUndefined();
    const reasons = (await server.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed'))).map(
      (f) => JSON.stringify(f.data),
    );
    expect(reasons.at(-1)).toContain('sso.token_invalid');
  });

  it('keeps local accounts for break-glass, and signs out of the provider too', async () => {
    const local = await signIn(server.url, 'eu.admin');
    expect((await local.get('/me')).status).toBe(200);
    const done = await callback((await ssoAt('EU', 'alice')).back!);
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: done.cookie! } }).then((r) => r.json());
    const out = await fetch(`${server.url}/api/v1/auth/oidc/logout`, {
      method: 'POST',
      headers: { cookie: done.cookie!, 'x-csrf-token': me.csrfToken },
    });
    const body = await out.json();
    expect(body.redirect).toContain(`${euIdp.issuer}/session/end`);
    expect(body.redirect).toContain(`client_id=${euIdp.clientId}`);
    expect((await fetch(`${server.url}/api/v1/me`, { headers: { cookie: done.cookie! } })).status).toBe(401);
  });
});
