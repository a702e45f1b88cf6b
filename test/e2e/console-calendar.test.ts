import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers/client.ts';
import { addDays, dayKey, startOfWeek } from '../../src/web/app/calendar/periods.ts';
import { consoleSession } from './browser.ts';

const DAY = 86_400_000;

describe('calendar: month and week views of a party, by keyboard, in both languages', () => {
  const session = consoleSession();

  it(
    'shows windows, changes and meetings on their day, linked to their pages, month by month and week by week',
    {
      timeout: 90_000,
    },
    async () => {
      // Forty days ahead: always in a later month than today's, whatever today is.
      const target = new Date(Date.now() + 40 * DAY);
      target.setHours(9, 0, 0, 0);
      const iso = (hours: number) => new Date(target.getTime() + hours * 3_600_000).toISOString();
      const change = await signIn(session.server.url, 'eu.change');
      const manager = await signIn(session.server.url, 'eu.manager');
      expect(
        (await change.post('/maintenance-windows', { title: 'EU link patching', startsAt: iso(0), endsAt: iso(2) }))
          .status,
      ).toBe(201);
      const created = await change.post('/changes', {
        title: 'Patch EU firewall',
        service: 'link',
        impact: 'I3',
        criticality: 'C3',
        kind: 'normal',
        origin: { kind: 'maintenance' },
      });
      const ref = created.body.ref as string;
      const assessed = await change.post(`/tickets/${ref}/actions/assess`, {
        risk: 'low',
        impactAnalysis: 'Restart.',
        affectedServices: ['link'],
        affectedParties: ['EU'],
        plannedStart: iso(3),
        plannedEnd: iso(5),
        implementationPlan: 'Deploy.',
        rollbackPlan: 'Redeploy.',
      });
      expect(assessed.status).toBe(200);
      const meeting = await manager.post('/meetings', {
        title: 'Experts on threats',
        startsAt: iso(6),
        location: 'Vienna',
        agenda: 'Threats',
        participants: [{ party: 'EU', name: 'EU expert' }],
        exchangeIds: [],
      });
      expect(meeting.status).toBe(201);

      const page = await session.signIn('eu.change');
      await page.goto('/#/calendar');
      const views = page.getByRole('region', { name: 'Month and week' });
      await views.waitFor();
      const monthName = (date: Date) =>
        new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' }).format(date);
      await views.getByRole('heading', { level: 3, name: monthName(new Date()) }).waitFor();

      // Month by month with the keyboard, to the target's month.
      const now = new Date();
      const months = target.getFullYear() * 12 + target.getMonth() - (now.getFullYear() * 12 + now.getMonth());
      const next = views.getByRole('button', { name: 'Next month' });
      await next.focus();
      for (let i = 0; i < months; i++) await page.keyboard.press('Enter');
      const month = views.getByRole('table', { name: monthName(target) });
      await month.waitFor();
      const cell = month.getByRole('cell').filter({ has: page.locator(`time[datetime="${dayKey(target)}"]`) });
      await cell.getByRole('link', { name: new RegExp(ref) }).waitFor();
      expect(await cell.getByRole('link', { name: new RegExp(ref) }).getAttribute('href')).toBe(`#/tickets/${ref}`);
      expect(await cell.getByRole('link', { name: 'Experts on threats' }).getAttribute('href')).toBe(
        `#/meetings/${meeting.body.id as string}`,
      );
      expect(await cell.getByRole('listitem').filter({ hasText: 'EU link patching' }).textContent()).toContain(
        'Maintenance window',
      );

      // The week view, chosen by keyboard, then week by week to the target's week: hours shown.
      await views.getByRole('radio', { name: 'Month' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await views.getByRole('radio', { name: 'Week' }).isChecked()).toBe(true);
      const weeks = Math.round(
        (startOfWeek(target).getTime() - startOfWeek(new Date(target.getFullYear(), target.getMonth(), 1)).getTime()) /
          (7 * DAY),
      );
      for (let i = 0; i < weeks; i++) await views.getByRole('button', { name: 'Next week' }).click();
      const day = views.getByRole('listitem').filter({ has: page.locator(`h4 time[datetime="${dayKey(target)}"]`) });
      await day.getByText('Change · 12:00–14:00').waitFor();
      expect(await day.getByText('Maintenance window · 09:00–11:00').count()).toBe(1);
      expect(await day.getByText('Expert meeting · 15:00–').count()).toBe(1);
      const otherDay = views.getByRole('listitem').filter({
        has: page.locator(`h4 time[datetime="${dayKey(addDays(target, target.getDay() === 1 ? 1 : -1))}"]`),
      });
      expect(await otherDay.textContent()).toContain('Nothing planned.');

      // Today brings back the current week; the link opens the ticket.
      await views.getByRole('button', { name: 'Today' }).click();
      await views.locator('[aria-current="date"]').waitFor();
      await views.getByRole('button', { name: 'Next week' }).waitFor();
      for (let i = 0; i < Math.round((startOfWeek(target).getTime() - startOfWeek(now).getTime()) / (7 * DAY)); i++)
        await views.getByRole('button', { name: 'Next week' }).click();
      await day.getByRole('link', { name: new RegExp(ref) }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(ref) }).waitFor();

      // French for a CH reader.
      const ch = await session.signIn('ch.change');
      await ch.goto('/#/calendar');
      const vues = ch.getByRole('region', { name: 'Mois et semaine' });
      await vues.getByRole('button', { name: 'Mois suivant' }).waitFor();
      await vues.getByRole('radio', { name: 'Semaine' }).check();
      await vues.getByRole('button', { name: 'Semaine suivante' }).waitFor();
      await vues.getByRole('button', { name: 'Aujourd’hui' }).waitFor();
    },
  );
});
