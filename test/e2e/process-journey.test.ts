import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleSession, openTicket, timelineEntry } from './browser.ts';
import { act, createdRef, hasStatus, localInput } from './ticket-steps.ts';

/**
 * Everything below goes through the console (clicks and form fills), signed in as the demo
 * users; no step is set up through the API. EU users see the console in English, CH users in French.
 */
describe('console: problem → change → release across the EU and CH desks', () => {
  const session = consoleSession();
  // Deploying happens inside the joint window (REL-2): the server's clock (this process's) is moved into it.
  afterEach(() => {
    vi.useRealTimers();
  });
  const clockForward = (minutes: number) => {
    const now = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now + minutes * 60_000);
  };

  it(
    'takes an incident to a problem, a jointly approved change, a rolled-back then deployed release, and closes them',
    { timeout: 90_000 },
    async () => {
      const started = Date.now();
      const eu = await session.signIn('eu.agent');
      const nav = eu.getByRole('navigation', { name: 'Main' });

      // The EU desk records an incident.
      await nav.getByRole('link', { name: 'New incident' }).click();
      await eu.getByLabel('Title', { exact: true }).fill('E2E: settlement batch stuck');
      await eu.getByLabel('Service', { exact: true }).fill('Settlement');
      await eu.getByLabel('Impact').selectOption('I2');
      await eu.getByLabel('Criticality').selectOption('C2');
      await eu.getByRole('button', { name: 'Record incident' }).click();
      const incident = await createdRef(eu, 'INC');

      // … and a problem from it, through the incident's follow-up link (incidents prefilled).
      await eu.getByRole('link', { name: 'Record a problem from this incident' }).click();
      await eu.getByRole('heading', { level: 1, name: 'Record a problem' }).waitFor();
      expect(await eu.getByLabel('Related incidents').inputValue()).toBe(incident);
      await eu.getByLabel('Title', { exact: true }).fill('E2E: settlement batches hang on lock');
      await eu.getByLabel('Service', { exact: true }).fill('Settlement');
      await eu.getByLabel('Impact').selectOption('I2');
      await eu.getByRole('button', { name: 'Record problem' }).click();
      const problem = await createdRef(eu, 'PRB');
      await eu.getByRole('region', { name: 'Problem analysis' }).getByText('1 linked incident').waitFor();
      await eu.getByRole('region', { name: 'Linked tickets' }).getByRole('link', { name: incident }).waitFor();

      // Root cause and known error; the known error is then found in the base and applied to the incident.
      await act(eu, 'record_root_cause', (f) =>
        f.getByLabel('Root cause').fill('Lock escalation on the settlement table.'),
      );
      await act(eu, 'publish_known_error', async (f) => {
        expect(await f.getByLabel('Cause').inputValue()).toBe('Lock escalation on the settlement table.');
        await f.getByLabel('Symptoms').fill('Settlement batch stays "running" for hours.');
        await f.getByLabel('Workaround').fill('Restart the settlement worker.');
      });
      await hasStatus(eu, 'known_error');
      await nav.getByRole('link', { name: 'Known errors' }).click();
      // The page's own search form, not the header's search box.
      const knownErrorSearch = eu.getByRole('search', { name: 'Search the known errors' });
      await knownErrorSearch.getByLabel('Search', { exact: true }).fill('settlement');
      await knownErrorSearch.getByRole('button', { name: 'Search' }).click();
      const entry = eu.getByRole('article', { name: 'E2E: settlement batches hang on lock' });
      await entry.getByText('Restart the settlement worker.').waitFor();
      await entry.getByRole('link', { name: problem }).waitFor();
      await openTicket(eu, incident);
      await act(eu, 'record_known_error', (f) =>
        f.getByRole('radio', { name: /E2E: settlement batches hang on lock/ }).check(),
      );
      await timelineEntry(eu, 'Restart the settlement worker.');

      // The EU change manager raises a change from the problem (origin prefilled) and assesses it with CH affected.
      const euChange = await session.signIn('eu.change');
      await openTicket(euChange, problem);
      await euChange.getByRole('link', { name: 'Record a change from this ticket' }).click();
      await euChange.getByRole('heading', { level: 1, name: 'Record a change' }).waitFor();
      expect(await euChange.getByLabel('Raised from').inputValue()).toBe('problem');
      expect(await euChange.getByLabel('Source ticket').inputValue()).toBe(problem);
      await euChange.getByLabel('Title', { exact: true }).fill('E2E: row-level locking for settlement');
      await euChange.getByLabel('Service', { exact: true }).fill('Settlement');
      await euChange.getByLabel('Impact').selectOption('I2');
      await euChange.getByLabel('Criticality').selectOption('C2');
      await euChange.getByRole('button', { name: 'Record change' }).click();
      const change = await createdRef(euChange, 'CHG');
      await euChange
        .getByRole('region', { name: 'Change', exact: true })
        .getByRole('link', { name: problem })
        .waitFor();

      await act(euChange, 'assess', async (f) => {
        await f.getByLabel('Risk').selectOption('low');
        await f.getByLabel('Impact analysis').fill('Settlement paused for ten minutes.');
        await f.locator('input[name=affectedParties][value=CH]').check();
        await f.getByLabel('Planned start').fill(localInput(24));
        await f.getByLabel('Planned end').fill(localInput(25));
        await f.getByLabel('Implementation plan').fill('Apply migration 42.');
        await f.getByLabel('Rollback plan').fill('Revert migration 42.');
      });
      await hasStatus(euChange, 'assessed');
      await act(euChange, 'submit');
      await hasStatus(euChange, 'in_review');

      // The CH change manager (French console) agrees with the assessment.
      const chChange = await session.signIn('ch.change');
      await openTicket(chChange, change);
      await act(chChange, 'review_assessment', (f) => f.getByLabel('Commentaire').fill('Pas d’impact côté CH.'));
      await hasStatus(chChange, 'awaiting_approval');

      // Joint CAB: one approval per affected party.
      await act(chChange, 'approve');
      await euChange.reload();
      await act(euChange, 'approve');
      await hasStatus(euChange, 'approved');
      const cab = euChange.getByRole('table', { name: 'CAB approvals' });
      for (const party of ['EU', 'CH']) {
        const row = cab.locator('tr', { has: euChange.getByRole('rowheader', { name: party, exact: true }) });
        expect(await row.textContent(), party).toMatch(/Approved.*\d{4}/); // decision, approver, time
      }

      // A release with the change, from the change's follow-up link.
      await euChange.getByRole('link', { name: 'Plan a release with this change' }).click();
      await euChange.getByRole('heading', { level: 1, name: 'Plan a release' }).waitFor();
      expect(await euChange.getByLabel('Changes', { exact: true }).inputValue()).toBe(change);
      await euChange.getByLabel('Title', { exact: true }).fill('E2E: settlement 2.4');
      await euChange.getByLabel('Service', { exact: true }).fill('Settlement');
      await euChange.getByRole('button', { name: 'Plan release' }).click();
      const release = await createdRef(euChange, 'REL');

      await act(euChange, 'record_plan', async (f) => {
        for (const label of [
          'Scope',
          'Risk profile',
          'Affected users',
          'Responsible team',
          'Deployment strategy',
          'Resources',
        ])
          await f.getByLabel(label, { exact: true }).fill(`${label} of 2.4`);
      });
      await act(euChange, 'start_build');
      await hasStatus(euChange, 'build_test');
      await act(euChange, 'record_build_test', async (f) => {
        for (const label of ['Delivery plan', 'Test plan', 'Lead times', 'Handling of delays'])
          await f.getByLabel(label, { exact: true }).fill(`${label} of 2.4`);
        await f.getByLabel('Success indicators').fill('No batch over 5 minutes');
        await f.locator('[name="testCases.0.name"]').fill('Nightly batch');
        await f.locator('[name="testCases.0.expected"]').fill('Finishes in under 5 minutes');
        await f.locator('[name="testCases.0.result"]').selectOption('passed');
      });
      await euChange
        .getByRole('table', { name: 'Test cases' })
        .getByRole('row', { name: /Nightly batch.*Passed/ })
        .waitFor();
      await act(euChange, 'prepare_deployment');
      await hasStatus(euChange, 'deployment_preparation');
      await act(euChange, 'record_deployment', async (f) => {
        for (const label of ['Execution plan', 'Rollback approach', 'Notifications'])
          await f.getByLabel(label, { exact: true }).fill(`${label} of 2.4`);
      });
      await act(euChange, 'propose_window', async (f) => {
        await f.getByLabel('Window start').fill(localInput(2));
        await f.getByLabel('Window end').fill(localInput(4));
      });

      // CH accepts the joint window; both parties approve the deployment.
      await openTicket(chChange, release);
      await act(chChange, 'accept_window');
      await chChange.locator('.badge--window-accepted').first().waitFor();
      await act(chChange, 'approve_deployment');
      await euChange.reload();
      await act(euChange, 'approve_deployment');
      await hasStatus(euChange, 'approved');

      // Deploy (once the window has started), roll back, restart at deployment preparation, approve again and deploy again.
      clockForward(125);
      await act(euChange, 'deploy');
      await hasStatus(euChange, 'deployed');
      await act(euChange, 'rollback', async (f) => {
        await f.getByLabel('Why').fill('Batch slower than before.');
        await f.getByLabel('What was restored').fill('Previous settlement build 2.3.');
      });
      await hasStatus(euChange, 'rolled_back');
      await act(euChange, 'restart', (f) =>
        f
          .getByLabel('Restart from')
          .selectOption('deployment_preparation')
          .then(() => undefined),
      );
      await hasStatus(euChange, 'deployment_preparation');
      await act(euChange, 'approve_deployment');
      // The rollback withdrew the joint window: a new one is proposed and accepted before redeploying.
      await act(euChange, 'propose_window', async (f) => {
        await f.getByLabel('Window start').fill(localInput(6));
        await f.getByLabel('Window end').fill(localInput(8));
      });
      await chChange.reload();
      await act(chChange, 'accept_window');
      await act(chChange, 'approve_deployment');
      await euChange.reload();
      await hasStatus(euChange, 'approved');
      clockForward(365);
      await act(euChange, 'deploy');
      await hasStatus(euChange, 'deployed');
      await euChange
        .getByRole('region', { name: 'Release', exact: true })
        .getByText('Previous settlement build 2.3.')
        .waitFor();

      // REL-6: every item ticked (the form stays open from one item to the next), then closure.
      await euChange.locator('[data-action=tick_checklist]').click();
      const ticks = euChange.locator('#action-form [data-item]');
      for (let left = 11; left > 0; left--) {
        await expect.poll(() => ticks.count()).toBe(left);
        await ticks.first().click();
      }
      await euChange.locator('#action-form').getByText('Every item is ticked').waitFor();
      await euChange.getByText('11 of 11 items ticked.').waitFor();
      await act(euChange, 'close');
      await hasStatus(euChange, 'closed');

      // The joint window is in the calendar with its partner, status and release; the iCal feed address is shown once.
      await euChange.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
      // A rollback inside a started window keeps it (REL-2): both windows the release was deployed in stay accepted.
      const windowRows = euChange
        .getByRole('table', { name: 'Maintenance windows of every party' })
        .getByRole('row')
        .filter({ has: euChange.getByRole('link', { name: release }) })
        .filter({ hasText: 'Accepted' });
      await windowRows.first().waitFor(); // the calendar loads after the page shows
      expect(await windowRows.count()).toBe(2);
      for (const row of await windowRows.all()) expect(await row.textContent()).toMatch(/CH.*Accepted/);
      // COL-5: the release is also among the planned changes and releases, placed by its joint window.
      await euChange
        .getByRole('table', { name: /^Changes and releases/ })
        .getByRole('row')
        .filter({ has: euChange.getByRole('link', { name: release }) })
        .filter({ hasText: 'the joint window' })
        .waitFor();
      await euChange.getByRole('button', { name: 'Calendar feed (iCal)' }).click();
      expect(await euChange.getByLabel('Feed address').inputValue()).toMatch(/^https?:\/\/.+/);

      // The change is applied: the EU desk closes the problem.
      await openTicket(eu, problem);
      await act(eu, 'close');
      await hasStatus(eu, 'closed');

      await nav.getByRole('link', { name: 'Problems' }).click();
      await eu.getByRole('heading', { level: 1, name: 'Problems', exact: true }).waitFor();
      // The default view is the day's work (open, my groups and me): a closed problem shows once asked for.
      const filters = eu.getByRole('search', { name: 'Filter tickets' });
      await filters.getByLabel('Open only').uncheck();
      await filters.getByLabel('Assigned to').selectOption('');
      await eu.getByRole('link', { name: problem }).waitFor();
      console.info(`process journey: ${Math.round((Date.now() - started) / 1000)} s`);
    },
  );

  it(
    'records a service request from the catalogue, its form checked by the server field by field',
    { timeout: 30_000 },
    async () => {
      const eu = await session.signIn('eu.agent');
      await eu.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
      await eu.getByRole('heading', { level: 1, name: 'Service requests' }).waitFor();
      await eu.getByRole('link', { name: 'New request' }).click();
      await eu.getByLabel('Catalogue item').selectOption({ label: 'IP allow-list change' });
      await eu.getByLabel('Action', { exact: true }).selectOption('add');
      await eu.getByLabel('Address or CIDR block').fill('10.0.0.300/8');
      await eu.getByLabel('Justification').fill('New CH gateway.');
      await eu.getByRole('button', { name: 'Record request' }).click();
      // The server names the field (`values.cidr`): its message is shown under that field, and the form's
      // error summary (the one alert) names it by its label.
      await eu
        .locator('.field--invalid')
        .filter({ hasText: 'Address or CIDR block' })
        .locator('.field-error')
        .waitFor();
      await eu.getByRole('alert').filter({ hasText: 'Address or CIDR block' }).waitFor();
      await eu.getByLabel('Address or CIDR block').fill('192.0.2.0/24');
      await eu.getByRole('button', { name: 'Record request' }).click();
      await createdRef(eu, 'REQ');
      const request = eu.getByRole('region', { name: 'Service request', exact: true });
      await request.getByText('192.0.2.0/24').waitFor();
      await eu.locator('[data-action=request_approval]').waitFor();
    },
  );
});
