import { describe, expect, it } from 'vitest';
import { consoleSession, openTicket } from './browser.ts';

describe('console housekeeping: sign-out, titles, notification labels', () => {
  const session = consoleSession();

  it(
    'shows a refused sign-out and stays signed in; a real one forgets filters and the tab title',
    {
      timeout: 90_000,
    },
    async () => {
      const eu = await session.signIn('eu.agent');
      await eu.goto('/#/tickets');
      const search = eu.getByRole('search', { name: 'Filter tickets' });
      await search.getByLabel('Search').fill('confidential search');
      await search.getByLabel('Search').press('Enter');
      await openTicket(eu, 'EU-INC-' + new Date().getFullYear() + '-000001');
      expect(await eu.title()).toMatch(/EU-INC-.*— Passerelle$/);

      // The server refuses: the session is still valid, the console says so and stays signed in.
      await eu.route('**/api/v1/auth/oidc/logout', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'server.unavailable', message: 'Service unavailable.' } }),
        }),
      );
      await eu.getByRole('button', { name: 'Sign out' }).click();
      await eu.getByRole('alert').filter({ hasText: 'You are still signed in' }).waitFor();
      expect(await eu.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

      // Signed out for real: no filters, no drafts, no ticket title left for the next person.
      await eu.unroute('**/api/v1/auth/oidc/logout');
      await eu.getByRole('button', { name: 'Sign out' }).click();
      await eu.getByLabel('User name').waitFor();
      expect(await eu.title()).toBe('Passerelle');
      const kept = await eu.evaluate(() =>
        Object.keys(sessionStorage).filter((k) => k.startsWith('passerelle.queue') || k.startsWith('passerelle.draft')),
      );
      expect(kept).toEqual([]);
      // The session is really over on the server.
      expect((await eu.request.get('/api/v1/me')).status()).toBe(401);
    },
  );

  it('labels every notification kind in Settings, in both languages', { timeout: 60_000 }, async () => {
    for (const [user, label] of [
      ['eu.security', 'Security incident'],
      ['ch.security', 'Incident de sécurité'],
    ] as const) {
      const page = await session.signIn(user);
      await page.goto('/#/settings');
      await page.getByText(label, { exact: true }).first().waitFor();
      expect(await page.locator('body').textContent()).not.toContain('notification.kind.');
    }
  });
});
