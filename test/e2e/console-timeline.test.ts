import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newIncident } from './api-steps.ts';
import { consoleSession, openTicket } from './browser.ts';

/** Posts a ticket action through the API with the page's own session; fails on a refusal. */
async function apiAction(page: Page, ref: string, action: string, body: Record<string, unknown>): Promise<void> {
  const status = await page.evaluate(
    async ({ ref, action, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1/tickets/${ref}/actions/${action}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { ref, action, body },
  );
  expect(status, action).toBeLessThan(300);
}

/** The signed-in user's id and first group (assignment target). */
function myGroup(page: Page) {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { user: { id: string } };
    const users = (await (await fetch('/api/v1/users')).json()) as { items: { id: string; groupIds: string[] }[] };
    return { userId: me.user.id, groupId: users.items.find((u) => u.id === me.user.id)!.groupIds[0]! };
  });
}

describe('ticket timeline: one item per action, status changes folded in, filtered by comments or changes', () => {
  const session = consoleSession();

  it(
    'shows an assignment and the status change it caused as one item; filters keep it with the changes',
    {
      timeout: 60_000,
    },
    async () => {
      const page = await session.signIn('eu.agent');
      const ref = await newIncident(page, 'Timeline folding');
      const { userId, groupId } = await myGroup(page);
      await apiAction(page, ref, 'assign', { groupId, assigneeId: userId });
      await apiAction(page, ref, 'comment', { body: 'Looking into it.', visibility: 'shared' });
      await openTicket(page, ref);

      const timeline = page.getByRole('list', { name: 'Timeline' });
      const items = timeline.getByRole('listitem');
      await items.filter({ hasText: 'Looking into it.' }).waitFor();
      // Created, assigned (with its status change), the comment: three items, no lone status change.
      expect(await items.count()).toBe(3);
      const assigned = items.filter({ hasText: /assigned to/i });
      expect(await assigned.count()).toBe(1);
      expect(await assigned.textContent()).toMatch(/Status changed from Recorded to /);
      expect(await items.filter({ hasText: /^Status/ }).count()).toBe(0);
      expect(await timeline.locator('.timeline__detail').count()).toBe(1);

      await page.getByRole('radio', { name: 'Comments' }).check();
      expect(await items.count()).toBe(1);
      expect(await items.first().textContent()).toContain('Looking into it.');

      await page.getByRole('radio', { name: 'Changes' }).check();
      expect(await items.count()).toBe(2);
      expect(await items.filter({ hasText: 'Looking into it.' }).count()).toBe(0);
      expect(await items.filter({ hasText: /Status changed from Recorded to / }).count()).toBe(1);

      await page.getByRole('radio', { name: 'All' }).check();
      expect(await items.count()).toBe(3);
    },
  );
});
