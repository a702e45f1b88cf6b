import { describe, expect, it } from 'vitest';
import { consoleSession, timelineEntry } from './browser.ts';

describe('console ticket page: banners, focus, timeline filter', () => {
  const session = consoleSession();

  it(
    'clears the "recorded" banner at the next action, keeps focus on its outcome, filters the timeline',
    {
      timeout: 90_000,
    },
    async () => {
      const eu = await session.signIn('eu.agent');
      await eu.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }).click();
      await eu.getByLabel('Title', { exact: true }).fill('E2E ticket page');
      await eu.getByLabel('Service', { exact: true }).fill('Link');
      await eu.getByRole('button', { name: 'Record incident' }).click();
      const recorded = eu.getByRole('status').filter({ hasText: /^Incident EU-INC-\d{4}-\d{6} recorded$/ });
      await recorded.waitFor();

      await eu.locator('[data-action=comment]').click();
      const form = eu.getByRole('form', { name: 'Comment' });
      await form.getByLabel('Comment text').fill('First note on the ticket');
      await form.getByRole('button', { name: 'Add comment' }).click();
      await timelineEntry(eu, 'First note on the ticket');
      // The old banner is gone; the outcome of the action has the focus (not the top of the page).
      await recorded.waitFor({ state: 'detached' });
      const focused = await eu.evaluate(() => document.activeElement?.textContent ?? '');
      expect(focused).toMatch(/Comment/);

      // Timeline: comments only, changes only, all.
      const timeline = eu.getByRole('list', { name: 'Timeline' });
      const filter = eu.getByRole('group', { name: 'Show' });
      await filter.getByLabel('Comments').check();
      expect(await timeline.getByRole('listitem').count()).toBe(1);
      await filter.getByLabel('Changes').check();
      expect(await timeline.getByRole('listitem').filter({ hasText: 'First note on the ticket' }).count()).toBe(0);
      expect(await timeline.getByRole('listitem').count()).toBeGreaterThan(0);
      await filter.getByLabel('All').check();
      await timeline.getByRole('listitem').filter({ hasText: 'First note on the ticket' }).waitFor();

      // A long form opens in the wide main column, a short one beside the ticket; the next step stands out.
      await eu.locator('[data-action=update]').click();
      await eu.locator('.ticket__main').getByRole('form', { name: 'Edit' }).waitFor();
      await eu.locator('[data-action=comment]').click();
      await eu.locator('.ticket__side').getByRole('form', { name: 'Comment' }).waitFor();
      const next = eu.getByRole('group', { name: 'Next step' });
      expect(await next.getByRole('button').count()).toBe(1);
    },
  );
});
