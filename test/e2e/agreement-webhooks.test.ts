import { describe, expect, it } from 'vitest';
import { consoleSession } from './browser.ts';

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

describe('console: agreement proposals and webhooks', () => {
  const session = consoleSession();

  it(
    'proposes an agreement change in English, accepts it in French, and subscribes a webhook',
    { timeout: 90_000 },
    async () => {
      const eu = await session.signIn('eu.admin');
      const nav = eu.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Agreement' }).click();
      await eu.getByRole('heading', { level: 1, name: 'Agreement between the parties' }).waitFor();
      const form = eu.getByRole('form', { name: 'Propose a change' });
      await form.getByLabel('What changes').selectOption('service_target');
      await form.getByLabel('Reason').fill('Link availability raised');
      // No date: the server's refusal is shown on the field.
      await form.getByRole('button', { name: 'Propose' }).click();
      await expect.poll(() => form.getByLabel('In force from').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('In force from').fill(inTwoDays());
      await form.getByRole('button', { name: 'Propose' }).click();
      const item = eu.getByRole('listitem', { name: 'Availability target' });
      await item.getByText('Proposed', { exact: true }).waitFor();
      await item.getByText('CH: awaited').waitFor();
      // The proposer cannot accept its own proposal: only withdraw it.
      expect(await item.getByRole('button', { name: 'Accept' }).count()).toBe(0);

      const ch = await session.signIn('ch.admin');
      await ch.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accord' }).click();
      const proposal = ch.getByRole('listitem', { name: 'Objectif de disponibilité' });
      await proposal.getByRole('button', { name: 'Accepter' }).click();
      await proposal.getByText('Acceptée, en attente de sa date').waitFor();

      await nav.getByRole('link', { name: 'Webhooks' }).click();
      const hook = eu.getByRole('form', { name: 'Subscribe an endpoint' });
      await hook.getByLabel('URL').fill('ftp://monitoring.example/hook');
      await hook.getByRole('button', { name: 'Subscribe' }).click();
      await expect.poll(() => hook.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
      await hook.getByLabel('URL').fill('https://monitoring.example/hook');
      await hook.getByLabel('Event kinds').fill('created, comment');
      await hook.getByRole('button', { name: 'Subscribe' }).click();
      await hook
        .getByRole('status')
        .filter({ hasText: /whsec_/ })
        .waitFor();
      await eu.getByText('https://monitoring.example/hook').waitFor();
      await eu.getByRole('button', { name: 'Delivery log' }).click();
      await eu.getByText('No delivery yet.').waitFor();
      await eu.getByRole('button', { name: 'Pause' }).click();
      await eu.getByRole('button', { name: 'Resume' }).waitFor();
    },
  );
});
