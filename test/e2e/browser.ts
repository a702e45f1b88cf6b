import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the console once when dist/web is missing (the server serves whatever is there). */
export function ensureConsoleBuilt(): void {
  if (existsSync(`${ROOT}dist/web/index.html`)) return;
  execFileSync(
    process.execPath,
    [`${ROOT}node_modules/vite/bin/vite.js`, 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser context (own cookies and storage) signed in through the sign-in page. */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  username: string,
  password = 'passerelle-demo',
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'en-GB',
    viewport: { width: 1366, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // CH accounts prefer French: the console switches to the user's language once signed in.
  await page.getByRole('button', { name: /^(Sign out|Se déconnecter)$/ }).waitFor();
  return page;
}

/** Opens a ticket page by reference and waits for its title. */
export async function openTicket(page: Page, ref: string): Promise<void> {
  await page.goto(`/#/tickets/${ref}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(ref) }).waitFor();
}

/** Waits for a timeline entry containing `text` (the timeline lists events oldest first). */
export async function timelineEntry(page: Page, text: string | RegExp): Promise<void> {
  await page
    .getByRole('list', { name: /^(Timeline|Historique)$/ })
    .getByRole('listitem')
    .filter({ hasText: text })
    .first()
    .waitFor();
}

/** A test server and Chromium shared by the tests of one file; sign in as any demo user. */
export function consoleSession() {
  const state = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    ensureConsoleBuilt();
    [state.server, state.browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return {
    signIn: (username: string, password?: string) => signInAs(state.browser, state.server.url, username, password),
    /** The test server (its store, for arranging what the journey then reads). */
    get server(): TestServer {
      return state.server;
    },
    /** The shared browser, for a context of the test's own (signed out, another viewport). */
    get browser(): Browser {
      return state.browser;
    },
  };
}
