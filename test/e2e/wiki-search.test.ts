import { describe, expect, it } from 'vitest';
import { consoleSession } from './browser.ts';

describe('console: wiki and search (COL-4, COL-6)', () => {
  const session = consoleSession();

  it(
    'writes a wiki page, saves a second version, shows the difference, and finds it from the header search without accents',
    { timeout: 120_000 },
    async () => {
      const eu = await session.signIn('eu.agent');
      await eu.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wiki' }).click();
      await eu.getByRole('heading', { level: 1, name: 'Wiki' }).waitFor();
      const form = eu.getByRole('form', { name: 'New page' });
      await form.getByLabel('Title').fill('Bascule du réseau');
      await form.getByLabel('Address').fill('bascule-reseau');
      await form.getByLabel('Text (Markdown)').fill('Couper le **réseau** principal.\n\n<script>alert(1)</script>');
      await form.getByRole('button', { name: 'Create the page' }).click();
      await eu.getByRole('heading', { level: 1, name: 'Bascule du réseau' }).waitFor();
      expect(await eu.locator('.wiki-body strong').textContent()).toBe('réseau');
      expect(await eu.locator('.wiki-body script').count()).toBe(0);
      expect(await eu.locator('.wiki-body').textContent()).toContain('<script>alert(1)</script>');

      await eu.getByRole('button', { name: 'Edit' }).click();
      await eu.getByLabel('Text (Markdown)').fill('Couper le **réseau** de secours.');
      await eu.getByRole('button', { name: 'Save a new version' }).click();
      await eu.getByText('version 2', { exact: false }).first().waitFor();
      await eu.getByRole('button', { name: 'Changes 1 → 2' }).click();
      const diff = eu.getByRole('figure', { name: 'Changes 1 → 2' });
      await diff.locator('ins').first().waitFor();
      expect(await diff.locator('ins').first().textContent()).toContain('de secours');

      const search = eu.getByRole('search', { name: 'Search everything' });
      await search.getByRole('searchbox', { name: 'Search everything' }).fill('reseaux');
      await search.getByRole('button', { name: 'Search' }).click();
      await eu.getByRole('heading', { level: 1, name: 'Results for “reseaux”' }).waitFor();
      const hit = eu.locator('.search-result').filter({ hasText: 'Bascule du réseau' });
      await hit.waitFor();
      expect(await hit.locator('mark').first().textContent()).toBe('réseau');
    },
  );
});
