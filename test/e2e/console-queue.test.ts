import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession, openTicket, timelineEntry } from './browser.ts';
import { newIncident } from './api-steps.ts';

describe('console queue: a day of work', () => {
  const session = consoleSession();

  it(
    'opens on "open, my groups and me", takes a ticket with Assign to me, sorts by last update',
    {
      timeout: 90_000,
    },
    async () => {
      const agent = await session.signIn('eu.agent');
      const ref = await newIncident(agent, 'E2E queue: to be taken');
      const resolver = await session.signIn('eu.resolver');
      await resolver.goto('/#/tickets');
      const filters = resolver.getByRole('search', { name: 'Filter tickets' });
      expect(await filters.getByLabel('Assigned to').inputValue()).toBe('mine');
      expect(await filters.getByLabel('Open only').isChecked()).toBe(true);
      await resolver
        .getByRole('status')
        .filter({ hasText: /Showing|No ticket|tickets/ })
        .first()
        .waitFor();
      // Not in the resolver's groups yet: not in their default view.
      expect(await resolver.getByRole('link', { name: ref }).count()).toBe(0);
      await filters.getByLabel('Assigned to').selectOption('');
      await resolver.getByRole('link', { name: ref }).waitFor();

      // The resolver's group does not hold it: the desk agent takes it with one press.
      await openTicket(agent, ref);
      await agent.getByRole('button', { name: 'Assign to me' }).click();
      await timelineEntry(agent, /Assigned to EU Desk Agent|EU Desk Agent/);
      await agent.getByRole('button', { name: 'Assign to me' }).waitFor({ state: 'detached', timeout: 10_000 });
      expect(await agent.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
      await agent.goto('/#/tickets');
      await agent.getByRole('link', { name: ref }).waitFor();

      // Sorted by last update, newest first.
      await agent.getByRole('button', { name: /^Updated/ }).click();
      await agent.locator('th[aria-sort=descending]', { hasText: 'Updated' }).waitFor();
      const firstRow = agent.getByRole('table').getByRole('row').nth(1);
      expect(await firstRow.textContent()).toContain(ref);
    },
  );

  it('comments on or transfers many tickets at once, with a result per ticket', { timeout: 90_000 }, async () => {
    const agent = await session.signIn('eu.agent');
    const one = await newIncident(agent, 'E2E bulk one');
    const two = await newIncident(agent, 'E2E bulk two');
    await agent.goto('/#/tickets');
    await agent.reload(); // recorded after the queue loaded (no live refresh yet)
    await agent.getByRole('link', { name: one }).waitFor();
    const results = agent.getByRole('region', { name: 'Result per ticket' });
    const applyTo = async (
      refs: string[],
      action: string,
      fill?: (form: ReturnType<Page['getByRole']>) => Promise<void>,
    ) => {
      for (const ref of refs) await agent.getByLabel(`Select ${ref}`).check();
      const bulk = agent.getByRole('form', { name: `${refs.length} selected` });
      await bulk.getByLabel('Action').selectOption(action);
      await fill?.(bulk);
      await bulk.getByRole('button', { name: 'Apply to each' }).click();
      await bulk.waitFor({ state: 'detached' });
    };

    await applyTo([one, two], 'comment', (form) => form.getByLabel('Comment text (shared)').fill('Morning round'));
    await results.getByText(`${one} — ✓ done`).waitFor();
    await results.getByText(`${two} — ✓ done`).waitFor();

    await applyTo([one, two], 'transfer', (form) => form.getByLabel('Reason').fill('CH side'));
    await results.getByText(`${two} — ✓ done`).waitFor();
    // Held by CH now: a second transfer is refused, ticket by ticket, with the server's reason.
    await agent.getByRole('search').getByLabel('Assigned to').selectOption('');
    await agent.getByRole('link', { name: one }).waitFor();
    await applyTo([one, two], 'transfer');
    const refused = results.getByRole('listitem').filter({ hasText: `${one} — ✗` });
    await refused.waitFor();
    expect(await results.getByRole('listitem').filter({ hasText: '✗' }).count()).toBe(2);

    await openTicket(agent, one);
    await timelineEntry(agent, 'Morning round');
  });
});
