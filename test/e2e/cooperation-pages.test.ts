import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './browser.ts';
import { act, hasStatus } from './ticket-steps.ts';

async function openNav(page: Page, name: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: /^(Main|Navigation principale)$/ })
    .getByRole('link', { name })
    .click();
}

/**
 * CBM-1, 4, 5 through the console only: EU notifies a vulnerability and asks CH to consult;
 * CH (whose console is French) reads the notice and acknowledges the consultation; EU's
 * administrator adds its on-call contact.
 */
describe('console: cooperation between the parties', () => {
  const session = consoleSession();

  it(
    'notifies a vulnerability, asks for a consultation and keeps the on-call contact',
    { timeout: 90_000 },
    async () => {
      const eu = await session.signIn('eu.security');
      await openNav(eu, 'Cooperation');
      await eu
        .getByRole('navigation', { name: 'Cooperation between the parties' })
        .getByRole('link', { name: 'Vulnerabilities' })
        .click();
      const form = eu.getByRole('form', { name: 'Notify a vulnerability' });
      await form.getByLabel('Title').fill('Gateway signature bypass');
      await form.getByLabel('Description').fill('Crafted messages pass the check.');
      await form.getByLabel('Vendor').fill('Consortium');
      await form.getByLabel('Product', { exact: true }).fill('Gateway');
      await form.getByLabel('Affected version').fill('4.2.1');
      await form.getByLabel('Remediation', { exact: true }).fill('Upgrade to 4.2.2.');
      await form.getByRole('button', { name: 'Notify a vulnerability' }).click();
      await eu.getByRole('heading', { level: 1, name: /EU-VN-\d{4}-0001 — Gateway signature bypass/ }).waitFor();
      expect(await eu.getByRole('link', { name: 'Download as CSAF 2.0' }).getAttribute('href')).toMatch(/\/csaf$/);

      const ch = await session.signIn('ch.security');
      await openNav(ch, 'Coopération');
      await ch
        .getByRole('navigation', { name: 'Coopération entre les parties' })
        .getByRole('link', { name: 'Vulnérabilités' })
        .click();
      await ch.getByRole('link', { name: /Gateway signature bypass/ }).click();
      // The detail page first: the list also names the remediation, in its rows and its notify form.
      await ch.getByRole('heading', { level: 1, name: /Gateway signature bypass/ }).waitFor();
      await ch.getByText('Correctif du fournisseur', { exact: true }).first().waitFor();

      // CBM-5: EU's desk asks CH to consult; CH acknowledges.
      const euAgent = await session.signIn('eu.agent');
      await openNav(euAgent, 'Consultations');
      await euAgent.getByRole('link', { name: 'Ask for a consultation' }).click();
      await euAgent.getByLabel('Title').fill('Scans from an announced block');
      await euAgent.getByLabel('Situation').fill('We see scans from a block CH announced.');
      await euAgent.getByLabel('Service').fill('link');
      await euAgent.getByLabel('Acknowledge by').fill('2099-01-01T10:00');
      await euAgent.getByLabel('Answer by').fill('2099-01-03T10:00');
      await euAgent.getByRole('button', { name: 'Send the request' }).click();
      const heading = euAgent.getByRole('heading', { level: 1, name: /EU-CON-/ });
      await heading.waitFor();
      const ref = /EU-CON-\d{4}-\d{6}/.exec((await heading.textContent()) ?? '')![0];
      const chAgent = await session.signIn('ch.agent');
      await chAgent.goto(`/#/tickets/${ref}`);
      await chAgent.getByText('Partie consultée').waitFor();
      await act(chAgent, 'acknowledge');
      await hasStatus(chAgent, 'acknowledged');
      await chAgent.getByText('CH a accusé réception de la consultation.').waitFor();
      await act(chAgent, 'answer', (f) => f.getByLabel('Réponse').fill('Authorised test.'));
      // EU's page was opened before CH answered: reload it, then record the outcome.
      await euAgent.reload();
      await act(euAgent, 'record_outcome', (f) => f.getByLabel('Outcome').fill('Cleared.'));
      await hasStatus(euAgent, 'concluded');

      // CBM-1: EU's administrator adds the on-call contact; it is listed as current.
      const admin = await session.signIn('eu.admin');
      await openNav(admin, 'Cooperation');
      const contact = admin.getByRole('form', { name: 'Add a point of contact' });
      await contact.getByLabel('Structure').fill('EU Registry operations');
      await contact.getByLabel('Person or function').fill('Duty officer');
      await contact.getByLabel('Phone').fill('+32 2 299 11 11');
      await contact.getByLabel('E-mail').fill('oncall@eu.example');
      await contact.getByRole('button', { name: 'Add a point of contact' }).click();
      const row = admin.getByRole('row').filter({ hasText: 'Duty officer' });
      await row.waitFor();
      expect(await row.textContent()).toContain('Current');
    },
  );

  it('proposes a term, distributes an exchange and schedules a meeting, in French', { timeout: 90_000 }, async () => {
    const ch = await session.signIn('ch.manager');
    await openNav(ch, 'Coopération');
    const tabs = ch.getByRole('navigation', { name: 'Coopération entre les parties' });
    await tabs.getByRole('link', { name: 'Glossaire' }).click();
    const propose = ch.getByRole('form', { name: 'Proposer un terme' });
    await propose.getByLabel('Terme').fill('Point de contact');
    await propose.getByLabel('Définition en français').fill('Personne à joindre.');
    await propose.getByLabel('Définition en anglais').fill('Person to reach.');
    await propose.getByRole('button', { name: 'Proposer un terme' }).click();
    await ch.getByRole('heading', { level: 1, name: 'Point de contact' }).waitFor();
    await ch.getByText('accepté par CH sur CH, EU').waitFor();

    await tabs.getByRole('link', { name: 'Échanges d’informations' }).click();
    const submit = ch.getByRole('form', { name: 'Diffuser une contribution' });
    await submit.getByLabel('Titre').fill('Mesures nationales');
    await submit.getByLabel('Texte', { exact: true }).fill('Nos mesures.');
    await submit.getByLabel('Traduction anglaise').fill('Our measures.');
    await submit.getByRole('button', { name: 'Diffuser une contribution' }).click();
    await ch.getByRole('heading', { level: 1, name: 'Mesures nationales' }).waitFor();
    await ch.getByRole('heading', { name: 'Lu par' }).waitFor();

    await tabs.getByRole('link', { name: 'Réunions d’experts' }).click();
    await ch.getByText(/au moins 3 par an/).waitFor();
    const meeting = ch.getByRole('form', { name: 'Programmer une réunion' });
    await meeting.getByLabel('Titre').fill('Réunion de printemps');
    await meeting.getByLabel('Date et heure').fill('2099-04-01T10:00');
    await meeting.getByLabel('Lieu').fill('Berne');
    await meeting.getByLabel('Ordre du jour').fill('1. Contacts');
    await meeting.getByLabel('Participants').fill('CH: Expert CH\nEU: Expert EU');
    await meeting.getByRole('button', { name: 'Programmer une réunion' }).click();
    await ch.getByRole('heading', { level: 1, name: 'Réunion de printemps' }).waitFor();
    await ch.getByText('CH: Expert CH, EU: Expert EU').waitFor();
  });
});
