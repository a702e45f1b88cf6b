import { describe, expect, it } from 'vitest';
import { consoleSession, openTicket } from './browser.ts';
import { act, createdRef, hasStatus, localInput } from './ticket-steps.ts';

/**
 * A security incident from declaration to closure, through the console only: the desk declares it,
 * the security officer registers the asset it touches and forms the team (the desk loses sight of
 * it), the IMT investigates, and level 3 reports, notifies the authority and closes.
 */
describe('console: security incident from declaration to closure', () => {
  const session = consoleSession();

  it(
    'declares, restricts to the IMT, investigates against an LIS asset, reports and closes',
    { timeout: 90_000 },
    async () => {
      const started = Date.now();

      // The EU desk records an incident and declares it a security incident.
      const agent = await session.signIn('eu.agent');
      await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New incident' }).click();
      await agent.getByLabel('Title', { exact: true }).fill('E2E: suspicious logins on the link');
      await agent.getByLabel('Service', { exact: true }).fill('Link');
      await agent.getByLabel('Impact').selectOption('I2');
      await agent.getByLabel('Criticality').selectOption('C2');
      await agent.getByRole('button', { name: 'Record incident' }).click();
      await createdRef(agent, 'INC');
      // The declaration opens the new ticket (no confirmation on the incident's own page).
      await agent.locator('[data-action=declare_security_incident]').click();
      await agent.locator('#action-form').getByLabel('Title').fill('E2E: credential phishing against operators');
      await agent.locator('#action-form').getByRole('button', { name: 'Declare security incident' }).click();
      const sec = await createdRef(agent, 'SEC');
      await agent.locator('.ticket-header .badge--sensitive').waitFor();
      await agent.locator('.ticket-header .badge--tlp-amber').waitFor();

      // The security officer registers the asset on the sensitive information list: C HIGH gives ETS CRITICAL.
      const officer = await session.signIn('eu.security');
      await officer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).click();
      const assetForm = officer.getByRole('form', { name: 'Register an asset' });
      await assetForm.getByLabel('Name').fill('E2E registry database');
      await assetForm.getByLabel('Owner').fill('EU registry operations');
      await assetForm.getByLabel('Confidentiality').selectOption('HIGH');
      expect(await assetForm.getByTestId('derived-level').textContent()).toContain('ETS CRITICAL');
      await assetForm.getByRole('button', { name: 'Register asset' }).click();
      const assetRow = officer.getByRole('row').filter({ hasText: 'E2E registry database' });
      await assetRow.waitFor();
      expect(await assetRow.textContent()).toContain('ETS CRITICAL');

      // … and forms the incident management team with eu.imt.
      await openTicket(officer, sec);
      await act(officer, 'form_team', (f) => f.getByRole('checkbox', { name: /EU Incident Responder/ }).check());
      await officer
        .getByRole('list', { name: 'Incident management team' })
        .getByText('EU Incident Responder')
        .waitFor();

      // The desk agent is not on the team: the incident is gone for them, in the page and in the queue.
      await agent.reload();
      await agent.getByRole('heading', { level: 1, name: `Ticket ${sec} not found` }).waitFor();
      await agent.goto('/#/tickets');
      await agent
        .getByRole('status')
        .filter({ hasText: /Showing \d+ of/ })
        .waitFor();
      expect(await agent.getByRole('link', { name: sec }).count()).toBe(0);

      // The IMT characterises it: under investigation it is ETS CRITICAL, TLP RED.
      const imt = await session.signIn('eu.imt');
      await openTicket(imt, sec);
      await act(imt, 'characterise', async (f) => {
        await f.getByLabel('Taxonomy class').selectOption('fraud');
        await f.getByLabel('Incident type').selectOption('phishing');
        await f.getByLabel('Severity').selectOption('high');
        await f.getByLabel('Aware since').fill(localInput(-2));
        await f.getByRole('checkbox', { name: 'Confidentiality' }).check();
      });
      await hasStatus(imt, 'characterised');
      const classification = imt.getByTestId('classification');
      await classification.locator('.badge--critical').waitFor();
      expect(await classification.textContent()).toMatch(/ETS CRITICAL.*TLP:RED/);
      await imt.getByRole('region', { name: 'Security incident' }).getByText('Phishing').waitFor();

      // Analysis against the LIS asset, containment, recovery with the link reconnected.
      await act(imt, 'record_analysis', async (f) => {
        const asset = f.getByLabel('Asset 1 of the sensitive information list');
        const value = await asset.locator('option', { hasText: 'E2E registry database' }).getAttribute('value');
        await asset.selectOption(value!);
        await f.getByLabel('Confidentiality loss (asset 1)').selectOption('partial');
        await f.getByLabel('Consequences for EU (asset 1)').fill('Operator credentials exposed.');
        await f.getByLabel('Initial measures').fill('Passwords reset, sessions revoked.');
        await f.getByLabel('Follow-up measures').fill('Phishing awareness session.');
        await f.getByLabel('Resources').fill('Two IMT members.');
      });
      await hasStatus(imt, 'analysed');
      const impacts = imt.getByRole('table', { name: 'Impact per information asset' });
      expect(await impacts.getByRole('row', { name: /E2E registry database/ }).textContent()).toMatch(
        /Partial.*Operator credentials exposed\./,
      );
      await act(imt, 'contain', (f) => f.getByLabel('Containment').fill('Phishing domain blocked at the proxy.'));
      await hasStatus(imt, 'contained');
      await act(imt, 'recover', async (f) => {
        await f.getByLabel('Recovery').fill('Accounts restored after reset.');
        await f.getByLabel('The link was disconnected').check();
        await f.getByLabel('Link reconnected at').fill(localInput(-1));
        await f.getByLabel('Registry teams informed').check();
      });
      await hasStatus(imt, 'recovered');
      const panel = imt.getByRole('region', { name: 'Security incident' });
      expect(await panel.textContent()).toMatch(/Link reconnected at.*\d{4}/);
      expect(await panel.textContent()).toMatch(/Registry teams informed\s*Yes/);

      // Level 3: response report (PDF downloadable), early warning, final report, closure.
      await officer.reload();
      await hasStatus(officer, 'recovered');
      await act(officer, 'issue_response_report');
      await hasStatus(officer, 'reported');
      const pdfLink = officer.getByRole('link', { name: 'Response report (PDF)' });
      await pdfLink.waitFor();
      const pdfHref = await pdfLink.getAttribute('href');
      expect(pdfHref).toBe(`/api/v1/tickets/${sec}/reports/response.pdf`);
      const head = await officer.evaluate(async (url) => {
        const response = await fetch(url, { credentials: 'same-origin' });
        return new TextDecoder().decode((await response.arrayBuffer()).slice(0, 4));
      }, pdfHref!);
      expect(head).toBe('%PDF');

      await act(officer, 'notify_authority', async (f) => {
        await f.getByLabel('Stage').selectOption('early_warning');
        await f.getByLabel('Recipient').fill('National CSIRT');
        await f.getByLabel('Content sent').fill('Early warning: credential phishing against registry operators.');
      });
      const early = officer.locator('tr[data-stage=early_warning]');
      await early.locator('.badge--clock-sent').waitFor();
      expect(await early.textContent()).toContain('National CSIRT');

      await act(officer, 'issue_final_report');
      await officer.getByRole('link', { name: 'Final report (PDF)' }).waitFor();
      await act(officer, 'close', (f) => f.getByLabel('Closing note').fill('Handled; lessons learned shared.'));
      await hasStatus(officer, 'closed');

      expect(Date.now() - started).toBeLessThan(60_000);
    },
  );
});
