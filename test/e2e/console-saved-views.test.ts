import { describe, expect, it } from 'vitest';
import { consoleSession } from './browser.ts';
import { newIncident } from './api-steps.ts';

describe('console queue: saved views and the SLA due sort', () => {
  const session = consoleSession();

  it(
    'sorts by SLA due time, saves the filters under a name, applies and deletes the view',
    { timeout: 90_000 },
    async () => {
      const agent = await session.signIn('eu.agent');
      const ref = await newIncident(agent, 'E2E saved view');
      await agent.goto('/#/tickets');
      await agent.reload();
      await agent.getByRole('link', { name: ref }).waitFor();

      // The SLA column sorts by the next due instant, soonest first.
      await agent.getByRole('button', { name: /^SLA/ }).click();
      await agent.locator('th[aria-sort=ascending]', { hasText: 'SLA' }).waitFor();

      const views = agent.getByRole('region', { name: 'Saved views' });
      await views.getByText(/No saved view yet/).waitFor();
      await views.getByLabel('View name').fill('Due first');
      await views.getByRole('button', { name: 'Save view' }).click();
      await views.getByText('View “Due first” saved.').waitFor();
      await views.getByRole('button', { name: 'Due first', exact: true }).waitFor();

      // Change the filters and sort, then apply the view: both come back.
      const filters = agent.getByRole('search', { name: 'Filter tickets' });
      await filters.getByLabel('Assigned to').selectOption('');
      await agent.getByRole('button', { name: /^Updated/ }).click();
      await agent.locator('th[aria-sort=descending]', { hasText: 'Updated' }).waitFor();
      await views.getByRole('button', { name: 'Due first', exact: true }).click();
      await agent.locator('th[aria-sort=ascending]', { hasText: 'SLA' }).waitFor();
      expect(await filters.getByLabel('Assigned to').inputValue()).toBe('mine');

      // Kept on the server: another user does not see it; its owner deletes it.
      const resolver = await session.signIn('eu.resolver');
      await resolver.goto('/#/tickets');
      await resolver
        .getByRole('region', { name: 'Saved views' })
        .getByText(/No saved view yet/)
        .waitFor();
      await views.getByRole('button', { name: 'Delete the view “Due first”' }).click();
      await views.getByText(/No saved view yet/).waitFor();
    },
  );
});
