import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './browser.ts';

/** Records the console scripts the page fetches from now on (their file names). */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js'))
      scripts.push(url.pathname.slice('/assets/'.length));
  });
  return scripts;
}

const isPage = (name: string) => (page: string) => new RegExp(`^${name}-[\\w-]+\\.js$`).test(page);

describe("console code splitting: a page's code is fetched when the page is first opened", () => {
  const session = consoleSession();

  it(
    'loads the queue page with the console, then the calendar and ticket pages only when opened',
    {
      timeout: 60_000,
    },
    async () => {
      const page = await session.signIn('eu.agent');
      // The sign-in's own load fetches the queue page after the shell shows: let it settle
      // (its heading is drawn by that chunk) so only the reload's fetches are recorded.
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const scripts = recordScripts(page);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      // The queue is the first page: its chunk came with the reload, no other page's did.
      expect(scripts.filter(isPage('QueuePage'))).toHaveLength(1);
      expect(scripts.filter(isPage('CalendarPage'))).toEqual([]);
      expect(scripts.filter(isPage('TicketPage'))).toEqual([]);
      expect(scripts.filter(isPage('SettingsPage'))).toEqual([]);
      const before = scripts.length;

      await page.goto('/#/calendar');
      await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(scripts.filter(isPage('CalendarPage'))).toHaveLength(1);
      expect(scripts.filter(isPage('SettingsPage'))).toEqual([]);
      expect(scripts.length).toBeGreaterThan(before);

      // Back to the queue and to the calendar again: nothing fetched twice.
      const opened = scripts.length;
      await page.goto('/#/tickets');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.goto('/#/calendar');
      await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(scripts.length).toBe(opened);

      // While a page's code is on its way, the console says so (a status, read out by screen readers).
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/SettingsPage-[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto('/#/settings');
      await page.getByRole('status').filter({ hasText: 'Loading the page…' }).waitFor();
      release();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(await page.getByText('Loading the page…').count()).toBe(0);
      expect(scripts.filter(isPage('SettingsPage'))).toHaveLength(1);
    },
  );
});
