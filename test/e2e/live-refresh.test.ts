import { describe, expect, it } from 'vitest';
import { incidentBody, signIn } from '../helpers/client.ts';
import { consoleSession, openTicket } from './browser.ts';

describe('console live refresh (server-sent events)', () => {
  const session = consoleSession();

  it(
    'shows in the queue, without reloading, a ticket another user records through the API',
    { timeout: 90_000 },
    async () => {
      const agent = await session.signIn('eu.agent');
      await agent.goto('/#/tickets');
      await agent.getByRole('search', { name: 'Filter tickets' }).getByLabel('Assigned to').selectOption('');
      await agent
        .getByRole('status')
        .filter({ hasText: /Showing|No ticket|tickets/ })
        .first()
        .waitFor();
      const before = await agent.evaluate(() => performance.getEntriesByType('navigation').length);

      const other = await signIn(session.server.url, 'eu.resolver');
      const created = await other.post('/incidents', incidentBody({ title: 'E2E live: recorded elsewhere' }));
      expect(created.status).toBe(201);
      await agent.getByRole('link', { name: created.body.ref }).waitFor();
      // The same document: no navigation happened.
      expect(await agent.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);

      // A CH ticket never shows up for EU, however many changes follow.
      const ch = await signIn(session.server.url, 'ch.agent');
      const chOnly = await ch.post('/incidents', incidentBody({ title: 'E2E live: CH only' }));
      const later = await other.post('/incidents', incidentBody({ title: 'E2E live: after the CH one' }));
      await agent.getByRole('link', { name: later.body.ref }).waitFor();
      expect(await agent.getByRole('link', { name: chOnly.body.ref }).count()).toBe(0);
    },
  );

  it('refreshes the ticket page, and keeps an open form with a note instead', { timeout: 90_000 }, async () => {
    const agent = await session.signIn('eu.agent');
    const other = await signIn(session.server.url, 'eu.resolver');
    const { ref } = (await other.post('/incidents', incidentBody({ title: 'E2E live: ticket page' }))).body;
    await openTicket(agent, ref);

    // No form open: a comment made elsewhere appears in the timeline by itself.
    await other.post(`/tickets/${ref}/actions/comment`, { body: 'Said elsewhere', visibility: 'shared' });
    await agent.getByRole('list', { name: 'Timeline' }).getByText('Said elsewhere').waitFor();

    // A form being typed stays as it is; a discreet note offers the changes.
    await agent.getByRole('button', { name: 'Comment', exact: true }).click();
    await agent
      .getByLabel(/Comment text|Text/)
      .first()
      .fill('Half-written reply');
    await other.post(`/tickets/${ref}/actions/comment`, { body: 'Said again', visibility: 'shared' });
    const note = agent.getByRole('status').filter({ hasText: 'This ticket was changed while your form was open.' });
    await note.waitFor();
    expect(
      await agent
        .getByLabel(/Comment text|Text/)
        .first()
        .inputValue(),
    ).toBe('Half-written reply');
    expect(await agent.getByText('Said again').count()).toBe(0);
    await note.getByRole('button', { name: 'Show the changes' }).click();
    await agent.getByRole('list', { name: 'Timeline' }).getByText('Said again').waitFor();
    expect(
      await agent
        .getByLabel(/Comment text|Text/)
        .first()
        .inputValue(),
    ).toBe('Half-written reply');
  });
});
