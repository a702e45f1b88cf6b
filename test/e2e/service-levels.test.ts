import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleSession, timelineEntry } from './browser.ts';

/** Dates as the browser sees them (its local zone is the one the forms use). */
function browserDates(page: Page): Promise<{ month: string; tomorrow: string }> {
  return page.evaluate(() => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    return {
      month: `${now.getFullYear()}-${pad(now.getMonth() + 1)}`,
      tomorrow: `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`,
    };
  });
}

/** The day after today in the EU calendar's zone (Europe/Paris), as YYYY-MM-DD. */
function nextDayInParis(page: Page): Promise<string> {
  return page.evaluate(() => {
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
    const next = new Date(`${today}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString().slice(0, 10);
  });
}

describe('console: service levels, calendars, maintenance windows and notifications', () => {
  const session = consoleSession();

  it(
    'reports compliance, versions a calendar, schedules maintenance and notifies the other desk',
    { timeout: 60_000 },
    async () => {
      // EU records a P2 incident and hands it to the CH desk (the transfer is its first intervention).
      const eu = await session.signIn('eu.agent');
      const nav = eu.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'New incident' }).click();
      await eu.getByLabel('Title', { exact: true }).fill('E2E: registry endpoint unreachable');
      await eu.getByLabel('Service', { exact: true }).fill('Registry');
      await eu.getByLabel('Impact').selectOption('I2');
      await eu.getByLabel('Criticality').selectOption('C1');
      await eu.getByRole('button', { name: 'Record incident' }).click();
      const confirmation = eu.getByRole('status').filter({ hasText: /^Incident EU-INC-\d{4}-\d{6} recorded$/ });
      await confirmation.waitFor();
      const ref = /EU-INC-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? '')![0];
      await eu.locator('[data-action=transfer]').click();
      const transfer = eu.getByRole('form', { name: 'Transfer' });
      await transfer.getByLabel('To the service desk of').selectOption('CH');
      await transfer.getByRole('button', { name: 'Transfer' }).click();
      await timelineEntry(eu, /Transferred from EU to CH/);

      // Reports: EU, current month — the P2 row (the demo's own P2 is still pending), its bar, the CSV and the tickets behind it.
      const { month, tomorrow } = await browserDates(eu);
      await nav.getByRole('link', { name: 'Reports' }).click();
      await eu.getByLabel('Party').selectOption('EU');
      await eu.getByLabel('Month').fill(month);
      const compliance = eu.getByRole('region', { name: 'Intervention time (GTI) compliance' });
      const p2 = compliance.getByRole('row').filter({ has: eu.getByRole('rowheader', { name: 'P2', exact: true }) });
      await expect
        .poll(async () => (await p2.getByRole('cell').allTextContents()).join('|'))
        .toMatch(/^Incident\|1\|1\|100%\|90%\|✓ Met\|\d+$/);
      const chart = compliance.getByRole('group', {
        name: /^Share of incidents within the GTI target per priority, EU/,
      });
      expect(await chart.getByRole('img').count()).toBe(5);
      await chart.getByRole('img', { name: /^P2: 100% within target \(1 of 1\), objective 90%/ }).waitFor();
      expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(1);
      const csvHref = await compliance.getByRole('link', { name: /^Download CSV/ }).getAttribute('href');
      const csv = await eu.request.get(csvHref!);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      expect(await csv.text()).toMatch(/^incident,P2,1,1,100,90,true,\d+\r$/m);
      await compliance.getByText(/^Tickets behind these figures/).click();
      await compliance.getByRole('link', { name: ref }).waitFor();
      await eu
        .getByRole('region', { name: 'Availability per service' })
        .getByRole('rowheader', { name: 'Registry' })
        .waitFor();

      // The EU administrator opens Saturday mornings from tomorrow (the earliest a version may start): version 2.
      const admin = await session.signIn('eu.admin');
      const adminNav = admin.getByRole('navigation', { name: 'Main' });
      await adminNav.getByRole('link', { name: 'Calendar' }).click();
      await admin.getByRole('heading', { name: /^Version 1/ }).waitFor();
      const form = admin.getByRole('form', { name: 'Add a version' });
      expect(await form.getByLabel('In force from').inputValue()).toBe(await nextDayInParis(admin));
      const saturday = form.getByRole('group', { name: 'Saturday' });
      await saturday.getByLabel('Closed').uncheck();
      await saturday.getByLabel('Opens').fill('09:00');
      await saturday.getByLabel('Closes').fill('12:00');
      await form.getByRole('button', { name: 'Add version' }).click();
      await admin.getByRole('status').filter({ hasText: 'Version 2 added.' }).waitFor();
      const version2 = admin
        .getByRole('listitem')
        .filter({ has: admin.getByRole('heading', { name: /^Version 2 Upcoming/ }) });
      expect(await version2.textContent()).toContain('Mon–Fri 08:00–18:00; Sat 09:00–12:00');

      // Maintenance windows stop the clocks: the desk agent may not schedule one, the party administrator may.
      await nav.getByRole('link', { name: 'Calendar' }).click();
      await eu.getByRole('region', { name: 'Maintenance windows, next 90 days' }).waitFor();
      expect(await eu.getByRole('form', { name: /^Schedule a maintenance window/ }).count()).toBe(0);
      const maintenance = admin.getByRole('region', { name: 'Maintenance windows, next 90 days' });
      const schedule = maintenance.getByRole('form', { name: 'Schedule a maintenance window for EU' });
      await schedule.getByLabel('Title').fill('E2E: registry upgrade');
      await schedule.getByLabel('Service').fill('Registry');
      await schedule.getByLabel('Start').fill(`${tomorrow}T10:00`);
      await schedule.getByLabel('End').fill(`${tomorrow}T12:00`);
      await schedule.getByRole('button', { name: 'Schedule' }).click();
      await maintenance.getByRole('rowheader', { name: 'E2E: registry upgrade' }).waitFor();
      await maintenance.getByRole('button', { name: 'Cancel maintenance window E2E: registry upgrade' }).waitFor();

      // The CH desk (French console) has been told about the transfer, and opens the ticket from the notification.
      const ch = await session.signIn('ch.agent');
      const bell = ch.getByRole('link', { name: /^Notifications : \d+ non lues?$/ });
      const unread = Number(/\d+/.exec((await bell.getAttribute('aria-label')) ?? '')![0]);
      expect(unread).toBeGreaterThanOrEqual(1);
      await bell.click();
      await ch.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      const item = ch
        .getByRole('list', { name: /^Notifications/ })
        .getByRole('listitem')
        .filter({ hasText: ref })
        .first();
      expect(await item.textContent()).toContain('transféré');
      await item.getByText('Non lue').waitFor();
      await item.getByRole('link', { name: new RegExp(ref) }).click();
      await ch.getByRole('heading', { level: 1, name: new RegExp(ref) }).waitFor();
      await expect
        .poll(async () => (await ch.getByRole('link', { name: /^Notifications :/ }).getAttribute('aria-label')) ?? '')
        .not.toBe(`Notifications : ${unread} non lue${unread > 1 ? 's' : ''}`);

      // CH sees EU's window in the shared calendar, without a way to cancel it.
      await ch
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Calendrier' })
        .click();
      const windows = ch.getByRole('region', { name: 'Fenêtres de maintenance, 90 prochains jours' });
      await windows.getByRole('rowheader', { name: 'E2E: registry upgrade' }).waitFor();
      expect(await windows.getByRole('button', { name: /^Annuler la fenêtre de maintenance/ }).count()).toBe(0);
    },
  );
});
