import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/client.ts';
import { startOidcProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { ensureConsoleBuilt, launchBrowser, signInAs } from './browser.ts';

/**
 * IF-4 and ISM-6 through the console only: the EU administrator sets single sign-on and
 * invites a person; the invitee sets a password through the one-time link; a person of the
 * EU provider signs in with it (account created at first sign-in) and signs out of both; a
 * person the mapping gives no role is sent back to the sign-in page with the reason.
 */
describe('console: administration and single sign-on', () => {
  let server: TestServer;
  let browser: Browser;
  let idp: TestProvider;

  beforeAll(async () => {
    ensureConsoleBuilt();
    [server, browser] = await Promise.all([
      startTestServer('pglite', { OIDC_ALLOW_HTTP: 'true', MAIL_SECRET_KEY: 'c3'.repeat(32) }),
      launchBrowser(),
    ]);
    idp = await startOidcProvider({
      redirectUri: `${server.url}/api/v1/auth/oidc/callback`,
      postLogoutRedirectUri: `${server.url}/`,
      accounts: {
        alice: {
          email: 'alice@eu.example',
          email_verified: true,
          name: 'Alice Martin',
          groups: ['desk-agents'],
          ets_clearance: 'ets-limited',
        },
        bob: {
          email: 'bob@eu.example',
          email_verified: true,
          name: 'Bob',
          groups: ['sales'],
          ets_clearance: 'ets-limited',
        },
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  const fresh = async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    return context.newPage();
  };

  it('sets SSO, invites a person, and signs people in and out through the provider', { timeout: 120_000 }, async () => {
    const admin = await signInAs(browser, server.url, 'eu.admin');
    await admin.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();

    // A clearance above the administrator's own is refused, with the field named.
    const sso = admin.getByRole('form', { name: 'Single sign-on (OpenID Connect)' });
    await sso.getByLabel('Issuer').fill(idp.issuer);
    await sso.getByLabel('Client id').fill(idp.clientId);
    await sso.getByLabel('Client secret').fill(idp.clientSecret);
    await sso.getByLabel('Claim values to roles').fill('desk-agents=agent');
    await sso.getByLabel('Claim values to clearance').fill('ets-limited=CRITICAL');
    await sso.getByLabel('Accounts').selectOption('create');
    await sso.getByRole('button', { name: 'Save' }).click();
    await sso.getByRole('alert').filter({ hasText: 'above your own' }).waitFor();
    await sso.getByLabel('Claim values to clearance').fill('ets-limited=LIMITED');
    await sso.getByRole('button', { name: 'Save' }).click();
    await sso.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // An invitation: the one-time link is shown once (mail is off in this test).
    const invite = admin.getByRole('form', { name: 'Invite a person' });
    await invite.getByLabel('User name').fill('eu.invitee');
    await invite.getByLabel('Full name').fill('Ivo Invitee');
    await invite.getByLabel('E-mail').fill('ivo@example.org');
    await invite.getByRole('button', { name: 'Create and invite' }).click();
    const link = await invite.getByTestId('one-time-link').textContent();
    expect(link).toContain('/#/account-link/');
    await admin.getByRole('cell', { name: 'eu.invitee' }).waitFor();

    const invitee = await fresh();
    await invitee.goto(link!.replace(server.url, ''));
    await invitee.getByRole('heading', { name: 'Welcome: choose your password' }).waitFor();
    await invitee.getByLabel('New password').fill('invitee-password-1');
    await invitee.getByLabel('The same password again').fill('invitee-password-1');
    await invitee.getByRole('button', { name: 'Set the password' }).click();
    await invitee.getByRole('status').filter({ hasText: 'Password set for eu.invitee.' }).waitFor();
    await signInAs(browser, server.url, 'eu.invitee', 'invitee-password-1');

    // ISM-6: an approved `tool_access` request (CH approved it) is granted into the account it asks for.
    const [euAgent, chAgent] = await Promise.all([signIn(server.url, 'eu.agent'), signIn(server.url, 'ch.agent')]);
    const ref = (
      await euAgent.post('/requests', {
        catalogueItem: 'tool_access',
        values: { person: 'Grace Hopper', email: 'grace@example.org', tool: 'passerelle', role: 'agent' },
      })
    ).body.ref as string;
    await euAgent.post(`/tickets/${ref}/actions/request_approval`, {});
    await chAgent.post(`/tickets/${ref}/actions/approve`, {});
    await admin.reload();
    const grant = admin.getByRole('form', { name: 'Access requests' });
    await grant.getByLabel('Approved request').selectOption(ref);
    await grant.getByLabel('User name').fill('eu.grace');
    await grant.getByRole('button', { name: 'Grant the access' }).click();
    await grant
      .getByRole('status')
      .filter({ hasText: 'Account eu.grace created and linked to the request.' })
      .waitFor();
    await admin.getByRole('cell', { name: 'eu.grace' }).waitFor();

    // Single sign-on: the EU button, the provider's pages, back in the console as a new account.
    const person = await fresh();
    await person.goto('/');
    await person.getByRole('link', { name: /^Sign in with / }).click();
    await person.locator('input[name="login"]').fill('alice');
    await person.locator('input[name="password"]').fill('anything');
    await person.getByRole('button', { name: 'Sign-in' }).click();
    await person.getByRole('button', { name: 'Continue' }).click();
    await person.getByRole('button', { name: 'Sign out' }).waitFor();
    await person.getByText('Alice Martin').waitFor();
    // Signing out ends the provider's session too, then comes back to the sign-in page.
    await person.getByRole('button', { name: 'Sign out' }).click();
    await person.getByRole('button', { name: 'Yes, sign me out' }).click();
    await person.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Nothing maps to a role: back to the sign-in page with the reason.
    const stranger = await fresh();
    await stranger.goto('/');
    await stranger.getByRole('link', { name: /^Sign in with / }).click();
    await stranger.locator('input[name="login"]').fill('bob');
    await stranger.locator('input[name="password"]').fill('anything');
    await stranger.getByRole('button', { name: 'Sign-in' }).click();
    await stranger.getByRole('button', { name: 'Continue' }).click();
    await stranger.getByRole('alert').filter({ hasText: 'gives you no role on this desk' }).waitFor();

    // The administrator sees the new account and its last sign-in.
    await admin.reload();
    const row = admin.getByRole('row').filter({ hasText: 'Alice Martin' });
    await row.waitFor();
    expect(await row.textContent()).toContain('single sign-on');
  });
});
