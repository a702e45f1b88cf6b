import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newIncident } from './api-steps.ts';
import { consoleSession, openTicket } from './browser.ts';

/** How a table reads: its header shown or not, and each cell of its first row as `label: text`. */
async function stacked(table: Locator) {
  return table.evaluate((el) => {
    const head = el.querySelector('thead')!;
    const row = el.querySelector('tbody tr')!;
    return {
      display: getComputedStyle(row).display,
      headShown: head.getBoundingClientRect().height > 1,
      cells: [...row.children].map((cell) => ({
        display: getComputedStyle(cell).display,
        label: getComputedStyle(cell, '::before').content,
      })),
      right: Math.max(...[...el.querySelectorAll('tbody td, tbody th')].map((c) => c.getBoundingClientRect().right)),
    };
  });
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('SLA tables below 768 px: stacked label/value rows, nothing scrolls sideways (390 × 844)', () => {
  const session = consoleSession();

  it(
    "stacks the ticket's SLA clocks and the compliance report, and keeps a table at 1366 px",
    {
      timeout: 60_000,
    },
    async () => {
      const page = await session.signIn('eu.agent');
      const ref = await newIncident(page, 'E2E stacked SLA');
      await page.setViewportSize({ width: 390, height: 844 });

      await openTicket(page, ref);
      const sla = page.getByRole('table', { name: 'Service level' });
      await sla.waitFor();
      const small = await stacked(sla);
      expect(small.display).toBe('block');
      expect(small.headShown).toBe(false);
      // Every cell, the clock's name included, is a label/value line.
      expect(small.cells.map((c) => c.display)).toEqual(Array(6).fill('flex'));
      expect(small.cells.map((c) => c.label)).toEqual(
        ['"Clock"', '"Target"', '"Used"', '"Time left"', '"State"', '"Due"'].map((l) => expect.stringMatching(l)),
      );
      expect(small.right).toBeLessThanOrEqual(390);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);

      await page.goto('/#/reports');
      const compliance = page.getByRole('table', { name: 'GTI compliance per type and priority' });
      await compliance.waitFor();
      const report = await stacked(compliance);
      expect(report.display).toBe('block');
      expect(report.headShown).toBe(false);
      expect(report.cells.every((c) => c.display === 'flex' && c.label !== 'none')).toBe(true);
      expect(report.right).toBeLessThanOrEqual(390);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);

      // A wide screen keeps the table.
      await page.setViewportSize({ width: 1366, height: 900 });
      await openTicket(page, ref);
      const wide = await stacked(sla);
      expect(wide.display).toBe('table-row');
      expect(wide.headShown).toBe(true);
    },
  );
});
