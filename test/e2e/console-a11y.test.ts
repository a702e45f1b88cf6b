import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newIncident } from './api-steps.ts';
import { consoleSession, openTicket } from './browser.ts';

/** The console's main pages (hash routes) and a heading each shows once loaded. */
const PAGES = [
  '/tickets',
  '/incidents/new',
  '/problems',
  '/changes',
  '/known-errors',
  '/calendar',
  '/reports',
  '/settings',
  '/notifications',
];

/** Serious and critical axe violations of the page as it stands (rule id and the first offending node). */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

describe('console accessibility: no serious or critical axe violation on the main pages, both languages', () => {
  const session = consoleSession();

  for (const [user, lang] of [
    ['eu.security', 'en'],
    ['ch.security', 'fr'],
  ] as const) {
    it(`${lang}: ${PAGES.length} pages and a ticket`, { timeout: 180_000 }, async () => {
      const page = await session.signIn(user);
      const found: Record<string, string[]> = {};
      for (const path of PAGES) {
        await page.goto(`/#${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await seriousViolations(page);
        if (violations.length) found[path] = violations;
      }
      await openTicket(page, await newIncident(page, `Accessibility check (${lang})`));
      const violations = await seriousViolations(page);
      if (violations.length) found.ticket = violations;
      expect(found).toEqual({});
    });
  }
});
