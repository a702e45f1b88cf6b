import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeCa, makeLeaf } from '../helpers/pki.ts';
import { consoleSession } from './browser.ts';

/** A fingerprint as people read it out: hex digits only, upper case. */
const hex = (fingerprint: string) => fingerprint.replace(/[\s:-]/g, '').toUpperCase();

async function openNav(page: Page, name: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: /^(Main|Navigation principale)$/ })
    .getByRole('link', { name })
    .click();
}

/**
 * The information security pages, through the console only: an access review, the security
 * policy and an IMT roster, an asset edited and reviewed, and a certificate from a CA both
 * parties trust to its use, verified out of band by the other party (whose console is French).
 */
describe('console: information security pages', () => {
  const session = consoleSession();

  it(
    'runs an access review, sets the policy and a roster, keeps an asset and a certificate',
    { timeout: 90_000 },
    async () => {
      const started = Date.now();
      const ca = await makeCa('E2E Link Root CA');
      const leaf = await makeLeaf(ca, 'link.e2e.example');

      // ISM-6: the administrator starts an access review and keeps one account.
      const admin = await session.signIn('eu.admin');
      await openNav(admin, 'Access reviews');
      await admin.getByRole('button', { name: 'Start a review' }).click();
      const decision = admin.getByRole('form', { name: 'Decision on EU Desk Agent' });
      await decision.getByLabel('Decision for eu.agent', { exact: true }).selectOption('keep');
      await decision.getByLabel('Note on eu.agent', { exact: true }).fill('Still on the desk.');
      await decision.getByRole('button', { name: 'Record decision' }).click();
      const agentRow = admin.getByRole('row').filter({ hasText: 'EU Desk Agent' });
      await agentRow.getByText(/— EU Administrator .*— Still on the desk\./).waitFor();
      expect(await agentRow.locator('strong').textContent()).toBe('Keep');

      // ISM-7: the administrator puts the CA on the list (EU trusts it from then on).
      await openNav(admin, 'Certificates');
      const addCa = admin.getByRole('form', { name: 'Add a certification authority' });
      await addCa.getByLabel('Authority name').fill('E2E link CA');
      await addCa.getByLabel('CA certificate (PEM)').fill(ca.pem);
      await addCa.getByRole('button', { name: 'Add the authority' }).click();
      await addCa.getByRole('status').filter({ hasText: 'E2E link CA added to the list.' }).waitFor();
      const cas = admin.getByRole('table', { name: 'Trusted certification authorities' });
      expect(await cas.getByRole('row').filter({ hasText: 'E2E link CA' }).textContent()).toContain('EU');

      // … and CH's administrator trusts it too, in French: it now counts for every party.
      const chAdmin = await session.signIn('ch.admin');
      await openNav(chAdmin, 'Certificats');
      const chCaRow = chAdmin
        .getByRole('table', { name: 'Autorités de certification de confiance' })
        .getByRole('row')
        .filter({ hasText: 'E2E link CA' });
      await chCaRow.getByRole('button', { name: 'Reconnaître pour CH' }).click();
      await chCaRow.getByText('Toutes les parties').waitFor();

      // SEC-7 / SEC-9 and SEC-2: the security officer saves the policy with a national level, and the fraud roster.
      const officer = await session.signIn('eu.security');
      await openNav(officer, 'Settings');
      const policy = officer.getByRole('region', { name: 'Security policy' });
      await policy.getByRole('button', { name: 'Add a national level' }).click();
      await policy.getByLabel('National level 1', { exact: true }).fill('Niveau 3');
      await policy.getByLabel('Common severity for level 1').selectOption('high');
      await policy.getByRole('button', { name: 'Save policy' }).click();
      await policy.getByRole('status').filter({ hasText: 'Security policy saved.' }).waitFor();

      const fraud = officer.getByRole('group', { name: 'Fraud', exact: true });
      await fraud.getByRole('checkbox', { name: 'EU Incident Responder' }).check();
      await fraud.getByRole('button', { name: 'Save the Fraud roster' }).click();
      await fraud.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

      // Both are kept: read again after a reload.
      await officer.reload();
      expect(
        await officer
          .getByRole('region', { name: 'Security policy' })
          .getByLabel('National level 1', { exact: true })
          .inputValue(),
      ).toBe('Niveau 3');
      expect(
        await officer
          .getByRole('region', { name: 'Security policy' })
          .getByLabel('Common severity for level 1')
          .inputValue(),
      ).toBe('high');
      expect(
        await officer
          .getByRole('group', { name: 'Fraud', exact: true })
          .getByRole('checkbox', { name: 'EU Incident Responder' })
          .isChecked(),
      ).toBe(true);

      // ISM-1 / ISM-3: an asset registered, its owner changed, a review recorded and listed in its history.
      await openNav(officer, 'Assets');
      const assetForm = officer.getByRole('form', { name: 'Register an asset' });
      await assetForm.getByLabel('Name').fill('E2E settlement ledger');
      await assetForm.getByLabel('Owner').fill('EU ledger team');
      await assetForm.getByLabel('Integrity').selectOption('HIGH');
      await assetForm.getByRole('button', { name: 'Register asset' }).click();
      const assetRow = officer.locator('tr[data-asset="E2E settlement ledger"]');
      await assetRow.waitFor();

      await assetRow.getByRole('button', { name: 'Edit', exact: true }).click();
      const edit = officer.getByRole('form', { name: 'Edit E2E settlement ledger' });
      await edit.getByLabel('Owner').fill('EU registry operations');
      await edit.getByLabel('Notes').fill('Moved to operations.');
      await edit.getByRole('button', { name: 'Save asset' }).click();
      await edit.waitFor({ state: 'detached' });
      await assetRow.getByText('EU registry operations').waitFor();

      await assetRow.getByRole('button', { name: 'Review', exact: true }).click();
      const review = officer.getByRole('form', { name: 'Review of E2E settlement ledger' });
      await review.getByLabel('Outcome').selectOption('changed');
      await review.getByLabel('Note').fill('Owner moved to operations.');
      await review.getByRole('button', { name: 'Record review' }).click();
      const history = officer.getByRole('region', { name: 'Review history of E2E settlement ledger' });
      const entry = history.getByRole('listitem').filter({ hasText: 'Owner moved to operations.' });
      await entry.waitFor();
      expect(await entry.textContent()).toMatch(/^Changed — EU Security Officer/);

      // ISM-7: the security officer imports the leaf issued by the CA every party trusts.
      await openNav(officer, 'Certificates');
      const importForm = officer.getByRole('form', { name: 'Import a certificate (PEM)' });
      await importForm.getByLabel('Name').fill('E2E link TLS');
      await importForm.getByLabel('Usage').fill('Link endpoint');
      await importForm.getByLabel('PEM certificate').fill(leaf.pem);
      await importForm.getByRole('button', { name: 'Register certificate' }).click();
      const euRow = officer.locator('tr[data-certificate="E2E link TLS"]');
      await euRow.locator('[data-state=registered]').waitFor();
      const shown = (await euRow.getByTestId('fingerprint').textContent()) ?? '';
      expect(hex(shown)).toBe(hex(leaf.fingerprint));
      // The owner's keepers may not install before the out-of-band verification.
      expect(await euRow.getByRole('button', { name: 'Mark installed' }).count()).toBe(0);

      // CH's security officer opens EU's register and records the fingerprint read out on the phone.
      const chOfficer = await session.signIn('ch.security');
      await openNav(chOfficer, 'Certificats');
      await chOfficer.getByLabel('Registre de').selectOption('EU');
      const chRow = chOfficer.locator('tr[data-certificate="E2E link TLS"]');
      await chRow.getByRole('button', { name: 'Vérifier' }).click();
      const verify = chOfficer.getByRole('form', { name: 'Vérification de E2E link TLS' });
      await verify.getByLabel('Canal').selectOption('phone');
      await verify.getByLabel('Interlocuteur', { exact: true }).fill('EU Security Officer');
      await verify.getByLabel('Empreinte lue par l’interlocuteur').fill(leaf.fingerprint);
      await verify.getByRole('button', { name: 'Enregistrer la vérification' }).click();
      await chRow.locator('[data-state=verified]').waitFor();
      // Another party's register: no lifecycle step for CH.
      expect(await chRow.getByRole('button', { name: 'Marquer installé' }).count()).toBe(0);

      // EU installs it, then puts it in use.
      await officer.reload();
      await euRow.locator('[data-state=verified]').waitFor();
      expect(await euRow.textContent()).toMatch(/CH Security Officer \(CH\) by Phone/);
      await euRow.getByRole('button', { name: 'Mark installed' }).click();
      await euRow.locator('[data-state=installed]').waitFor();
      await euRow.getByRole('button', { name: 'Put in use' }).click();
      await euRow.locator('[data-state=in_use]').waitFor();
      expect(await euRow.getByRole('button', { name: 'Put in use' }).count()).toBe(0);

      // A renewal is a joint change: its reference links to the change.
      await euRow.getByRole('button', { name: 'Request renewal' }).click();
      const renewal = officer.getByRole('form', { name: 'Renewal of E2E link TLS' });
      await renewal.getByLabel('Reason').fill('Yearly rotation of the link certificate.');
      await renewal.getByRole('button', { name: 'Request the renewal' }).click();
      const requested = officer.getByRole('status').filter({ hasText: 'Renewal requested: joint change' });
      const link = requested.getByRole('link', { name: /^EU-CHG-\d{4}-\d{6}$/ });
      await link.waitFor();
      const ref = (await link.textContent())!;
      expect(await link.getAttribute('href')).toBe(`#/tickets/${ref}`);
      await euRow.locator('[data-state=renewal]').waitFor();
      expect(await euRow.getByRole('link', { name: ref }).count()).toBe(1);

      expect(Date.now() - started).toBeLessThan(60_000);
    },
  );
});
