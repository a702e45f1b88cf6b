import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleSession, openTicket, timelineEntry } from './browser.ts';

const ALL_TICKED = {
  categorisationVerified: true,
  informationComplete: true,
  documentationUpdated: true,
  stakeholdersInformed: true,
};

describe('console: incident journey across the EU and CH desks', () => {
  const session = consoleSession();

  async function recordIncident(eu: Page): Promise<string> {
    await eu.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }).click();
    await eu.getByLabel('Title', { exact: true }).fill('E2E: link endpoint times out');
    await eu.getByLabel('Description').fill('Monitoring reports timeouts towards the CH registry.');
    await eu.getByLabel('Service', { exact: true }).fill('Link / transaction log');
    await eu.getByLabel('Reporter', { exact: true }).fill('CH operations');
    await eu.getByLabel("Reporter's e-mail").fill('operations@ch-registry.example');
    await eu.getByLabel('Channel').selectOption('phone');
    await eu.getByLabel('Impact').selectOption('I2');
    await eu.getByLabel('Criticality').selectOption('C1');
    expect(await eu.getByRole('status', { name: 'Computed priority' }).textContent()).toContain('P2');
    await eu.getByRole('button', { name: 'Record incident' }).click();
    const confirmation = eu.getByRole('status').filter({ hasText: /^Incident EU-INC-\d{4}-\d{6} recorded$/ });
    await confirmation.waitFor();
    const ref = /EU-INC-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? '')![0];
    await eu.getByRole('heading', { level: 1, name: new RegExp(ref) }).waitFor();
    expect(eu.url()).toContain(`#/tickets/${ref}`);
    return ref;
  }

  it(
    'records, transfers, resolves on the other side, verifies, closes and records a recurrence',
    { timeout: 120_000 },
    async () => {
      const eu = await session.signIn('eu.agent');
      const ref = await recordIncident(eu);
      await timelineEntry(eu, `${ref} recorded via Phone.`);

      // EU desk → CH desk.
      await eu.locator('[data-action=transfer]').click();
      const transfer = eu.getByRole('form', { name: 'Transfer' });
      await transfer.getByLabel('To the service desk of').selectOption('CH');
      await transfer.getByLabel('Reason').fill('Endpoint on the CH side');
      await transfer.getByRole('button', { name: 'Transfer' }).click();
      await timelineEntry(eu, 'Transferred from EU to CH (CH Service Desk).');
      expect(await eu.locator('[data-action=transfer]').count()).toBe(0);

      // The CH resolver (French console) resolves it.
      const chResolver = await session.signIn('ch.resolver');
      await openTicket(chResolver, ref);
      await chResolver.locator('[data-action=resolve]').click();
      const resolve = chResolver.getByRole('form', { name: 'Résoudre' });
      await resolve.getByLabel('Résolution').fill('Certificate of the CH endpoint renewed.');
      await resolve.getByRole('button', { name: 'Résoudre' }).click();
      await timelineEntry(chResolver, 'État passé de En cours à Résolu.');

      // Back at the EU desk: verify with the reporter, then close with the checklist.
      await eu.reload();
      await timelineEntry(eu, 'Certificate of the CH endpoint renewed.');
      await eu.locator('[data-action=verify]').click();
      await eu.getByRole('form', { name: 'Verify' }).getByRole('button', { name: 'Confirm verification' }).click();
      await timelineEntry(eu, 'Status changed from Resolved to Verified.');

      await eu.locator('[data-action=close]').click();
      const close = eu.getByRole('form', { name: 'Close' });
      await close.getByLabel('Categorisation verified').check();
      await close.getByLabel('All information entered').check();
      await close.getByLabel('Documentation complete and knowledge base updated').check();
      await close.getByRole('button', { name: 'Close ticket' }).click();
      await close.getByRole('alert').filter({ hasText: 'Stakeholders informed' }).waitFor(); // refused: checklist incomplete
      await close.getByLabel('Stakeholders informed').check();
      await close.getByRole('button', { name: 'Close ticket' }).click();
      await timelineEntry(eu, 'Status changed from Verified to Closed.');

      // Closed is final: no reopen of any kind, only a recurrence.
      await eu.locator('[data-action=record_recurrence]').waitFor();
      for (const action of ['close', 'reopen', 'resume', 'reject_resolution', 'resolve']) {
        expect(await eu.locator(`[data-action=${action}]`).count(), action).toBe(0);
      }

      // The CH desk sees the closed incident but has no close action, and the API refuses it too.
      const chAgent = await session.signIn('ch.agent');
      await openTicket(chAgent, ref);
      await chAgent.locator('[data-action=record_recurrence]').waitFor();
      expect(await chAgent.locator('[data-action=close]').count()).toBe(0);
      const me = (await (await chAgent.request.get('/api/v1/me')).json()) as { csrfToken: string };
      const direct = await chAgent.request.post(`/api/v1/tickets/${ref}/actions/close`, {
        headers: { 'X-CSRF-Token': me.csrfToken },
        data: { checklist: ALL_TICKED },
      });
      expect([403, 409]).toContain(direct.status());

      // A recurrence is a new incident linked to the closed one.
      await eu.locator('[data-action=record_recurrence]').click();
      const recurrence = eu.getByRole('form', { name: 'Record recurrence' });
      await recurrence.getByLabel('Title of the new incident').fill('E2E: link endpoint times out again');
      await recurrence.getByRole('button', { name: 'Record recurrence' }).click();
      const notice = eu.getByRole('status').filter({ hasText: /^Recurrence EU-INC-\d{4}-\d{6} recorded$/ });
      await notice.waitFor();
      const newRef = /EU-INC-\d{4}-\d{6}/.exec((await notice.textContent()) ?? '')![0];
      expect(newRef).not.toBe(ref);
      await eu.getByRole('heading', { level: 1, name: new RegExp(newRef) }).waitFor();
      const links = eu.getByRole('region', { name: 'Linked tickets' });
      expect(await links.getByRole('listitem').first().textContent()).toContain('Recurrence of');
      await links.getByRole('link', { name: ref }).click();
      await eu.getByRole('heading', { level: 1, name: new RegExp(ref) }).waitFor();
      await eu.getByRole('region', { name: 'Linked tickets' }).getByRole('link', { name: newRef }).waitFor();
    },
  );

  it('speaks French once switched, including server messages', { timeout: 60_000 }, async () => {
    const page = await session.signIn('eu.agent2');
    await page.getByRole('heading', { level: 1, name: 'Ticket queue' }).waitFor();
    await page.getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'File des tickets' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Nouvel incident' }).waitFor();
    await nav.getByRole('link', { name: 'Paramètres' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect
      .poll(
        async () =>
          ((await (await page.request.get('/api/v1/me')).json()) as { user: { language: string } }).user.language,
      )
      .toBe('fr');

    // The choice survives a reload, and the forms are French too.
    await page.reload();
    await nav.getByRole('link', { name: 'Nouvel incident' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enregistrer un incident' }).waitFor();
    await page.getByLabel('Criticité').waitFor();
    await page.getByRole('button', { name: 'Enregistrer l’incident' }).click();
    const titleError = page.getByRole('alert').filter({ hasText: /Titre\s*: / });
    await titleError.waitFor();

    // Signed out, the sign-in page and its server errors stay in French.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByLabel('Identifiant').fill('eu.agent2');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Identifiant inconnu ou mot de passe erroné.' }).waitFor();
  });
});
