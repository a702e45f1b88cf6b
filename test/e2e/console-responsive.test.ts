import { describe, expect, it } from 'vitest';
import { newIncident } from './api-steps.ts';
import { consoleSession, openTicket } from './browser.ts';

describe('console below 768 px (390 × 844)', () => {
  const session = consoleSession();

  it(
    'folds the menu, keeps Sign out on screen, lists the queue as cards and puts actions first',
    {
      timeout: 90_000,
    },
    async () => {
      const page = await session.signIn('eu.agent');
      await page.setViewportSize({ width: 390, height: 844 });
      const ref = await newIncident(page, 'E2E small screen');
      await page.goto('/#/tickets');
      const nav = page.getByRole('navigation', { name: 'Main' });
      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await nav.isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: 'Known errors' }).click();
      // Folded again on the new page (waited for: the queue's heading is on screen until the page changes).
      await nav.waitFor({ state: 'hidden' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');

      // Sign out fits in the viewport; nothing scrolls sideways.
      const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
      expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(390);
      await page.goto('/#/tickets');
      await page.getByRole('link', { name: ref }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // A row reads as a card: each cell shows its column's name.
      const row = page.getByRole('row').filter({ hasText: ref });
      expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');

      // The ticket's actions come before its facts.
      await openTicket(page, ref);
      const actionsTop = (await page.getByRole('complementary', { name: 'Actions' }).boundingBox())!.y;
      const timelineTop = (await page.getByRole('list', { name: 'Timeline' }).boundingBox())!.y;
      expect(actionsTop).toBeLessThan(timelineTop);
    },
  );
});
