import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './browser.ts';

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/** A GET of the API with the page's own session. */
const apiGet = (page: Page, path: string) =>
  page.evaluate(async (path) => (await fetch(`/api/v1${path}`)).json() as Promise<unknown>, path);

/** Serious and critical axe violations of the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

interface ProposalBody {
  kind: string;
  change: Record<string, unknown>;
}

describe('console: group rename, webhook edit, structured agreement proposals', () => {
  const session = consoleSession();

  it(
    'renames a group, edits a webhook subscription, proposes a matrix and SLA targets through forms',
    { timeout: 120_000 },
    async () => {
      const eu = await session.signIn('eu.admin');
      const nav = eu.getByRole('navigation', { name: 'Main' });

      // 1. A group is renamed from the Administration page; an empty name is refused on the field.
      await nav.getByRole('link', { name: 'Administration' }).click();
      const newGroup = eu.getByRole('form', { name: 'New group' });
      await newGroup.getByLabel('Group name').fill('Network team');
      await newGroup.getByRole('button', { name: 'Create the group' }).click();
      await eu.getByRole('heading', { level: 3, name: /Network team/ }).waitFor();
      await eu.getByRole('button', { name: 'Rename the group Network team' }).click();
      const rename = eu.getByRole('form', { name: 'Rename the group Network team' });
      await rename.getByLabel('Group name').fill(' ');
      await rename.getByRole('button', { name: 'Rename' }).click();
      await expect.poll(() => rename.getByLabel('Group name').getAttribute('aria-invalid')).toBe('true');
      await rename.getByLabel('Group name').fill('Network and links');
      await rename.getByRole('button', { name: 'Rename' }).click();
      await eu.getByRole('heading', { level: 3, name: /Network and links/ }).waitFor();
      expect(await eu.getByRole('heading', { level: 3, name: /Network team/ }).count()).toBe(0);
      const parties = (await apiGet(eu, '/parties')) as { items: { id: string; groups: { name: string }[] }[] };
      const groups = parties.items.find((p) => p.id === 'EU')!.groups.map((g) => g.name);
      expect(groups).toContain('Network and links');
      expect(groups).not.toContain('Network team');

      // 2. A subscription's URL, kinds and clearance are edited; a plain-http URL elsewhere than here is refused on the field.
      await nav.getByRole('link', { name: 'Webhooks' }).click();
      const hook = eu.getByRole('form', { name: 'Subscribe an endpoint' });
      await hook.getByLabel('URL').fill('https://monitoring.example/hook');
      await hook.getByLabel('Event kinds').fill('created');
      await hook.getByRole('button', { name: 'Subscribe' }).click();
      await eu.getByText('https://monitoring.example/hook').waitFor();
      await eu.getByRole('button', { name: 'Edit the subscription https://monitoring.example/hook' }).click();
      const edit = eu.getByRole('form', { name: 'Edit the subscription https://monitoring.example/hook' });
      await edit.getByLabel('URL').fill('http://monitoring.example/hook');
      await edit.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => edit.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
      expect(await seriousViolations(eu)).toEqual([]);
      await edit.getByRole('alert').filter({ hasText: 'URL' }).waitFor();
      // Unknown kinds are refused on their field too.
      await edit.getByLabel('URL').fill('http://127.0.0.1:9/hook');
      await edit.getByLabel('Event kinds').fill('created, nonsense');
      await edit.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => edit.getByLabel('Event kinds').getAttribute('aria-invalid')).toBe('true');
      await edit.getByLabel('Event kinds').fill('created, comment');
      expect(await edit.getByLabel('Clearance').inputValue()).toBe('LIMITED');
      await edit.getByRole('button', { name: 'Save' }).click();
      await eu.getByText('http://127.0.0.1:9/hook').waitFor();
      await eu.getByText('ETS LIMITED · created, comment').waitFor();
      const hooks = (await apiGet(eu, '/webhooks')) as { items: { url: string; eventKinds: string[] }[] };
      expect(hooks.items.map((h) => [h.url, h.eventKinds])).toEqual([
        ['http://127.0.0.1:9/hook', ['created', 'comment']],
      ]);

      // 3. The priority matrix is proposed cell by cell, starting from the matrix in force.
      await nav.getByRole('link', { name: 'Agreement' }).click();
      const form = eu.getByRole('form', { name: 'Propose a change' });
      expect(await form.getByLabel('What changes').inputValue()).toBe('priority_matrix');
      const c3 = form.getByRole('group', { name: /^C3/ });
      await c3.getByLabel(/^I3/).selectOption('P4');
      await form.getByLabel('In force from').fill(inTwoDays());
      await form.getByRole('button', { name: 'Propose' }).click();
      await eu.getByRole('listitem', { name: 'Priority matrix' }).waitFor();
      const inForce = (await apiGet(eu, '/parties')) as {
        items: { id: string; priorityMatrix: Record<string, Record<string, string>> }[];
      };
      const current = inForce.items.find((p) => p.id === 'EU')!.priorityMatrix;
      let proposals = ((await apiGet(eu, '/agreement/proposals')) as { items: ProposalBody[] }).items;
      const matrix = proposals.find((p) => p.kind === 'priority_matrix')!.change.matrix as typeof current;
      expect(matrix).toEqual({ ...current, C3: { ...current.C3, I3: 'P4' } });

      // SLA targets per priority in hours; the console refuses an escalation before the first intervention.
      await form.getByLabel('What changes').selectOption('sla_targets');
      const p1 = form.getByRole('group', { name: /^P1/ });
      await expect.poll(() => p1.getByLabel('GTI (hours)').inputValue()).not.toBe('');
      expect(await form.getByLabel(/^Change/).count()).toBe(0);
      await p1.getByLabel('GTI (hours)').fill('2');
      await p1.getByLabel('GTE (hours)').fill('1');
      await p1.getByLabel('GTR (hours)').fill('8');
      await p1.getByLabel('Objective (%)').fill('90');
      await form.getByRole('button', { name: 'Propose' }).click();
      await expect.poll(() => p1.getByLabel('GTE (hours)').getAttribute('aria-invalid')).toBe('true');
      await form.getByRole('alert').filter({ hasText: 'Escalation (GTE) cannot come before' }).waitFor();
      expect(await seriousViolations(eu)).toEqual([]);
      await p1.getByLabel('GTE (hours)').fill('2.5');
      await expect.poll(() => p1.getByLabel('GTE (hours)').getAttribute('aria-invalid')).toBe(null);
      await form.getByRole('button', { name: 'Propose' }).click();
      await eu.getByRole('listitem', { name: 'SLA targets and objectives' }).waitFor();
      proposals = ((await apiGet(eu, '/agreement/proposals')) as { items: ProposalBody[] }).items;
      const items = proposals.find((p) => p.kind === 'sla_targets')!.change.items as Record<string, unknown>[];
      expect(items.find((i) => i.priority === 'P1')).toEqual({
        ticketType: 'incident',
        priority: 'P1',
        gtiMinutes: 120,
        gteMinutes: 150,
        gtrMinutes: 480,
        objectivePct: 90,
      });
      expect(items.every((i) => i.ticketType === 'incident')).toBe(true);

      // Other kinds stay JSON. CH's administrator reads the proposal's kind by its label, not its key.
      await form.getByLabel('What changes').selectOption('service_target');
      await form.getByLabel(/^Change/).waitFor();
      const ch = await session.signIn('ch.admin');
      const notes = (await apiGet(ch, '/notifications')) as { items: { kind: string; subject: string }[] };
      const subjects = notes.items.filter((n) => n.kind === 'agreement_proposed').map((n) => n.subject);
      expect(subjects.some((s) => /\((Priority matrix|Matrice de priorité)\)/.test(s))).toBe(true);
      expect(subjects.join(' ')).not.toMatch(/priority_matrix|sla_targets/);
    },
  );
});
