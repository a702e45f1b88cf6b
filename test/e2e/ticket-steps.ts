import type { Locator, Page } from 'playwright-core';

// Steps shared by the browser journeys: they drive the ticket page as a person would.

/** A `datetime-local` value `hours` from now, in the browser's (and this machine's) time zone. */
export function localInput(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Opens an action of the ticket page, lets `fill` complete its form, submits and waits for the confirmation (or fails with the error shown). */
export async function act(page: Page, action: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  await page.locator(`[data-action=${action}]`).click();
  const form = page.locator('#action-form');
  await form.waitFor();
  if (fill) await fill(form);
  await form.locator('button[type=submit]').click();
  const done = page.locator('.actions > .alert--success');
  const failed = form.locator('.alert--error, .field-error');
  await done.or(failed).first().waitFor();
  if (await failed.count()) throw new Error(`${action}: ${await failed.first().textContent()}`);
}

/** Waits until the ticket shown has `status` (the badge of the header, whatever the language). */
export async function hasStatus(page: Page, status: string): Promise<void> {
  await page.locator(`.ticket-header .badge--status.badge--${status}`).waitFor();
}

/** The reference in the confirmation shown after a creation, e.g. `Problem EU-PRB-2026-000001 recorded`. */
export async function createdRef(page: Page, code: string): Promise<string> {
  const pattern = new RegExp(`EU-${code}-\\d{4}-\\d{6}`);
  const confirmation = page.getByRole('status').filter({ hasText: pattern });
  await confirmation.waitFor();
  const ref = pattern.exec((await confirmation.textContent()) ?? '')![0];
  await page.getByRole('heading', { level: 1, name: new RegExp(ref) }).waitFor();
  return ref;
}
