import { describe, expect, it } from 'vitest';
import { consoleSession, openTicket, timelineEntry } from './browser.ts';
import { newIncident } from './api-steps.ts';

describe('console forms: every error at once, labelled, cleared when fixed; drafts kept', () => {
  const session = consoleSession();

  it('shows every error with its translated label, clears each once fixed, sends', { timeout: 60_000 }, async () => {
    const eu = await session.signIn('eu.agent');
    const ref = await newIncident(eu, 'E2E forms: two fields');
    await openTicket(eu, ref);
    await eu.locator('[data-action=escalate]').click();
    const form = eu.getByRole('form', { name: 'Escalate' });
    await form.getByRole('button', { name: 'Escalate' }).click();
    const summary = form.locator('.error-summary');
    await summary.waitFor();
    // Named by its label, in words a person reads, not the schema's text.
    expect(await summary.textContent()).toContain('Reason: Fill in this field.');
    expect(await summary.textContent()).not.toMatch(/Too small|expected string/);
    const reason = form.getByLabel('Reason');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').first().textContent()).toBe('Fill in this field.');
    // Fixed: the error goes at once, before sending again.
    await reason.fill('Needs the database team');
    await summary.waitFor({ state: 'detached' });
    expect(await reason.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Escalate' }).click();
    await timelineEntry(eu, /Needs the database team|Escalated/);
  });

  it('French: the summary names the French label', { timeout: 60_000 }, async () => {
    const ch = await session.signIn('ch.agent');
    const ref = await newIncident(ch, 'E2E formulaires');
    await openTicket(ch, ref);
    await ch.locator('[data-action=comment]').click();
    const form = ch.getByRole('form', { name: 'Commenter' });
    await form.getByRole('button', { name: 'Ajouter le commentaire' }).click();
    const summary = form.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Texte du commentaire\s*: Ce champ est à remplir\./);
  });

  it(
    'keeps a half-written comment through Escape and a reload, until sent or discarded; sign-out drops it',
    {
      timeout: 90_000,
    },
    async () => {
      const eu = await session.signIn('eu.agent');
      const ref = await newIncident(eu, 'E2E forms: drafts');
      await openTicket(eu, ref);
      await eu.locator('[data-action=comment]').click();
      let form = eu.getByRole('form', { name: 'Comment' });
      await form.getByLabel('Comment text').fill('Half-written note');
      await form.getByLabel('Comment text').press('Escape');
      await form.waitFor({ state: 'detached' });
      await eu.locator('[data-action=comment]').click();
      form = eu.getByRole('form', { name: 'Comment' });
      expect(await form.getByLabel('Comment text').inputValue()).toBe('Half-written note');
      await eu.reload();
      await eu.locator('[data-action=comment]').click();
      expect(await form.getByLabel('Comment text').inputValue()).toBe('Half-written note');
      // Discarded: gone.
      await form.getByRole('button', { name: 'Discard draft' }).click();
      await eu.locator('[data-action=comment]').click();
      expect(await form.getByLabel('Comment text').inputValue()).toBe('');
      // Sent: gone too.
      await form.getByLabel('Comment text').fill('Sent note');
      await form.getByRole('button', { name: 'Add comment' }).click();
      await timelineEntry(eu, 'Sent note');
      await eu.locator('[data-action=comment]').click();
      expect(await form.getByLabel('Comment text').inputValue()).toBe('');
      // A draft left at sign-out is not there for the next person at the desk.
      await form.getByLabel('Comment text').fill('Private draft');
      await eu.getByRole('button', { name: 'Sign out' }).click();
      await eu.getByLabel('User name').waitFor();
      const left = await eu.evaluate(() =>
        Object.keys(sessionStorage).filter((k) => k.startsWith('passerelle.draft.')),
      );
      expect(left).toEqual([]);
    },
  );
});
