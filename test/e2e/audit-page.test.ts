import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCheckpoint } from '../../src/services/audit/checkpoints.ts';
import { incidentBody, signIn } from '../helpers/client.ts';
import { consoleSession } from './browser.ts';

async function openAudit(page: Page, name: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: /^(Main|Navigation principale)$/ })
    .getByRole('link', { name })
    .click();
}

/** GETs a link of the page with the page's own session (what a click on a download link fetches). */
async function download(page: Page, name: string | RegExp): Promise<string> {
  const link = page.getByRole('link', { name }).first();
  const url = await link.getAttribute('href');
  const response = await page.request.get(url!);
  expect(response.status()).toBe(200);
  return response.text();
}

/**
 * AUD-1/AUD-2 in the console: the EU auditor filters the party's audit entries, exports them,
 * verifies the chain and downloads a signed checkpoint; CH's auditor (in French) sees nothing of
 * EU's ticket, and an agent has no audit page.
 */
describe('console: audit log', () => {
  const session = consoleSession();

  it(
    'filters, exports, verifies and offers checkpoints; another party sees nothing of ours',
    { timeout: 90_000 },
    async () => {
      const api = await signIn(session.server.url, 'eu.agent');
      const ref = (await api.post('/incidents', incidentBody({ title: 'Audit trail e2e' }))).body.ref as string;
      await api.post(`/tickets/${ref}/actions/comment`, { body: 'internal check', visibility: 'internal' });
      const other = (await api.post('/incidents', incidentBody({ title: 'Another one' }))).body.ref as string;
      await createCheckpoint(session.server.db);

      const auditor = await session.signIn('eu.auditor');
      await openAudit(auditor, 'Audit');
      await auditor.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      const entries = auditor.getByRole('table', { name: 'Entries' });
      await entries.getByRole('row').filter({ hasText: ref }).first().waitFor();

      // Filter by ticket: only that ticket's entries remain.
      const filters = auditor.getByRole('search', { name: 'Filter the audit entries' });
      await filters.getByLabel('Ticket').fill(ref);
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await entries.getByRole('row').filter({ hasText: 'ticket.comment' }).first().waitFor();
      await expect.poll(() => entries.getByRole('row').filter({ hasText: other }).count()).toBe(0);
      const rows = await entries.getByRole('row').count();
      expect(rows).toBeGreaterThan(2);
      // … and by action as well.
      await filters.getByLabel('Action').fill('ticket.create');
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await expect.poll(() => entries.getByRole('row').count()).toBe(2);
      expect(await entries.getByRole('row').nth(1).textContent()).toContain('eu.agent');

      // Exports carry the same filter.
      const csv = await download(auditor, 'Export CSV');
      expect(csv.split('\r\n')[0]).toBe('seq,at,actor_id,actor_username,party,action,target_id,ticket_ref,data,hash');
      expect(csv.trim().split('\r\n')).toHaveLength(2);
      expect(csv).toContain(ref);
      const jsonl = await download(auditor, 'Export JSON Lines');
      expect(JSON.parse(jsonl.trim())).toMatchObject({ action: 'ticket.create', ticketRef: ref });

      // A time window in the future matches nothing.
      await filters.getByLabel('From').fill('2099-01-01T00:00');
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await auditor.getByText('No entry matches.').waitFor();

      // The chain verifies, and the signed checkpoint downloads.
      await auditor.getByRole('button', { name: 'Verify the chain' }).click();
      await auditor
        .getByRole('status')
        .filter({ hasText: /^The chain is intact: \d+ entries verified/ })
        .waitFor();
      const checkpoint = JSON.parse(await download(auditor, /^Checkpoint of /)) as Record<string, unknown>;
      expect(checkpoint).toMatchObject({ format: 'passerelle-checkpoint-v1' });
      expect(typeof checkpoint.signature).toBe('string');

      // CH's auditor (French console): nothing of EU's ticket, not even by asking for it.
      const chAuditor = await session.signIn('ch.auditor');
      await openAudit(chAuditor, 'Audit');
      await chAuditor.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
      const chEntries = chAuditor.getByRole('table', { name: 'Entrées' });
      await chEntries.waitFor();
      expect(await chEntries.textContent()).not.toContain(ref);
      expect(await chEntries.textContent()).not.toContain('eu.agent');
      const chFilters = chAuditor.getByRole('search', { name: 'Filtrer les entrées d’audit' });
      await chFilters.getByLabel('Ticket').fill(ref);
      await chFilters.getByRole('button', { name: 'Appliquer les filtres' }).click();
      await chAuditor.getByText('Aucune entrée ne correspond.').waitFor();
      const chCsv = await download(chAuditor, 'Exporter en CSV');
      expect(chCsv.trim().split('\r\n')).toHaveLength(1);
      await chFilters.getByLabel('Ticket').fill('');
      await chFilters.getByRole('button', { name: 'Appliquer les filtres' }).click();
      const chAll = await download(chAuditor, 'Exporter en JSON Lines');
      expect(chAll).not.toContain(ref);
      expect(chAll).not.toContain('"username":"eu.');

      // An agent has no audit page: no link, and the API refuses it.
      const agent = await session.signIn('eu.agent');
      expect(await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).count()).toBe(
        0,
      );
      await agent.goto('/#/audit');
      await agent.getByRole('alert').first().waitFor();
      expect((await agent.request.get('/api/v1/audit/entries.csv')).status()).toBe(403);
    },
  );
});
