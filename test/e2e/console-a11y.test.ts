import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedShowcase } from '../../src/demo/seed-showcase.ts';
import { actorOf } from '../../src/services/auth/actor.ts';
import { submitExchange } from '../../src/services/exchanges/submit-exchange.ts';
import { proposeTerm } from '../../src/services/glossary/propose-term.ts';
import { scheduleMeeting } from '../../src/services/meetings/schedule-meeting.ts';
import { notifyVulnerability } from '../../src/services/vulnerabilities/notify-vulnerability.ts';
import { createWikiPage } from '../../src/services/wiki/create-wiki-page.ts';
import type { ServiceContext } from '../../src/services/write-path/context.ts';
import { findUserByName } from '../../src/store/directory.ts';
import { newIncident } from './api-steps.ts';
import { consoleSession } from './browser.ts';

/**
 * Every route of the console (src/web/app/router.ts `parseRoute`), `:id` standing for a record made
 * below. Pages a party administrator may not use (the security queue and form, a ticket the
 * administrator records) are checked from a security officer's seat (an agent too).
 */
const ADMIN_ROUTES = [
  '/tickets',
  '/incidents/new',
  '/problems',
  '/problems/new',
  '/requests',
  '/requests/new',
  '/changes',
  '/changes/new',
  '/releases',
  '/releases/new',
  '/consultations',
  '/consultations/new',
  '/known-errors',
  '/contacts',
  '/vulnerabilities',
  '/vulnerabilities/:vulnerability',
  '/glossary',
  '/glossary/:term',
  '/exchanges',
  '/exchanges/:exchange',
  '/meetings',
  '/meetings/:meeting',
  '/search?q=demo',
  '/wiki',
  '/wiki/:wiki',
  '/settings',
  '/notifications',
  '/reports',
  '/calendar',
  '/assets',
  '/certificates',
  '/access-reviews',
  '/agreement',
  '/webhooks',
  '/admin',
  '/audit',
  '/no-such-page',
];
const OFFICER_ROUTES = ['/tickets/:ticket', '/security', '/security/new'];

/** Serious and critical axe violations of the page as it stands (rule id and the first offending node). */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

/** Opens each path, waits for its heading and its data, and collects the violations by path. */
async function check(page: Page, paths: string[], ids: Record<string, string>): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const route of paths) {
    const path = route.replace(/:(\w+)/, (_, name: string) => ids[name]!);
    await page.goto(`/#${path}`);
    const heading = page.getByRole('heading', { level: 1 }).first();
    await heading.waitFor();
    await page.waitForLoadState('networkidle');
    // Each route shows its own page (and a record's page shows the record, not an error).
    const notFound = /^(Page not found|Page introuvable)$/.test((await heading.textContent()) ?? '');
    expect(notFound, route).toBe(route === '/no-such-page');
    if (route.includes(':')) expect(await page.locator('main .alert--error').allTextContents(), route).toEqual([]);
    const violations = await seriousViolations(page);
    if (violations.length) found[route] = violations;
  }
  return found;
}

describe('console accessibility: no serious or critical axe violation on any page, both languages', () => {
  const session = consoleSession();
  const ids: Record<string, string> = {};

  // Something on every page: the demo showcase, and one record of each cooperation area to open.
  beforeAll(async () => {
    const { db, instanceId } = session.server;
    await seedShowcase(db, instanceId);
    const ctx: ServiceContext = {
      db,
      instanceId,
      actor: actorOf((await findUserByName(db, 'eu.security'))!),
      channel: 'console',
    };
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    ids.meeting = (
      await scheduleMeeting(ctx, {
        title: 'Quarterly experts meeting',
        startsAt: soon,
        location: 'Brussels',
        agenda: 'Review of the joint procedures',
        participants: [{ party: 'CH', name: 'CH expert' }],
      })
    ).id;
    ids.term = (
      await proposeTerm(ctx, { term: 'Joint window', definitionFr: 'Fenêtre commune', definitionEn: 'Shared window' })
    ).id;
    ids.exchange = (
      await submitExchange(ctx, { kind: 'threats', title: 'Threat landscape', language: 'en', body: 'Phishing.' })
    ).id;
    ids.vulnerability = (
      await notifyVulnerability(ctx, {
        title: 'Library flaw',
        description: 'A flaw in a parser.',
        vendor: 'Acme',
        product: 'Parser',
        productVersion: '1.2',
        remediationCategory: 'vendor_fix',
        remediation: 'Upgrade to 1.3.',
      })
    ).id;
    ids.wiki = (
      await createWikiPage(ctx, {
        slug: 'a11y-runbook',
        title: 'Runbook',
        body: '# Steps\n\nCall the other desk.',
        kind: 'page',
        parties: ['EU', 'CH'],
        sensitivity: 'LIMITED',
      })
    ).slug;
  }, 60_000);

  for (const [party, lang] of [
    ['eu', 'en'],
    ['ch', 'fr'],
  ] as const) {
    it(`${lang}: ${ADMIN_ROUTES.length + OFFICER_ROUTES.length} routes`, { timeout: 300_000 }, async () => {
      const page = await session.signIn(`${party}.admin`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const found = await check(page, ADMIN_ROUTES, ids);
      await page.context().close();
      const officer = await session.signIn(`${party}.security`);
      const ticket = await newIncident(officer, `Accessibility check (${lang})`);
      Object.assign(found, await check(officer, OFFICER_ROUTES, { ...ids, ticket }));
      await officer.context().close();
      expect(found).toEqual({});
    });
  }

  it('en and fr: the sign-in page and an account link page, signed out', { timeout: 60_000 }, async () => {
    const found: Record<string, string[]> = {};
    for (const locale of ['en-GB', 'fr-CH']) {
      const context = await session.browser.newContext({ baseURL: session.server.url, locale });
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const signIn = await seriousViolations(page);
      if (signIn.length) found[`${locale} sign-in`] = signIn;
      await page.goto('/#/account-link/not-a-real-token');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const link = await seriousViolations(page);
      if (link.length) found[`${locale} account link`] = link;
      await context.close();
    }
    expect(found).toEqual({});
  });
});
