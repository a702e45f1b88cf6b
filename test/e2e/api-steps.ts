import type { Page } from 'playwright-core';

/** Records an incident through the API with the page's own session (CSRF token from /me); returns its reference. */
export async function newIncident(page: Page, title: string): Promise<string> {
  return page.evaluate(async (title) => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const response = await fetch('/api/v1/incidents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
      body: JSON.stringify({ title, service: 'Link', impact: 'I3', criticality: 'C3' }),
    });
    return ((await response.json()) as { ref: string }).ref;
  }, title);
}
