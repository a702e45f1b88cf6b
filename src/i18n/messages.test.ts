import { describe, expect, it } from 'vitest';
import { errorMessage, langFromHeader } from './messages.ts';

describe('server messages', () => {
  it('fills placeholders in both languages', () => {
    expect(errorMessage('validation.required', 'fr', { field: 'title' })).toBe('Le champ « Titre » est obligatoire.');
    expect(errorMessage('validation.required', 'en', { field: 'title' })).toBe('The field "Title" is required.');
  });

  it('translates the reason of an invalid value', () => {
    expect(errorMessage('validation.invalid', 'fr', { field: 'startsAt', detail: 'notice' })).toBe(
      'Le champ « startsAt » est invalide : au moins une heure à l’avance',
    );
    expect(errorMessage('validation.invalid', 'en', { field: 'mode', detail: 'highest_level', level: 4 })).toBe(
      'The field "mode" is invalid: level 4 is the highest',
    );
  });

  it('names states, actions, roles and fields by their labels, never their raw names', () => {
    const fr = errorMessage('ticket.transition_invalid', 'fr', { action: 'pend', status: 'in_progress' });
    expect(fr).toBe('L’action « Mettre en attente » est impossible tant que le ticket est à l’état « En cours ».');
    expect(
      errorMessage('ticket.transition_invalid', 'en', { action: 'verify', status: 'deployment_preparation' }),
    ).toBe('Action "Verify" is not possible while the ticket is "Deployment preparation".');
    expect(errorMessage('change.approver_level', 'en', { level: 3, role: 'level_manager' })).not.toContain('_');
    expect(errorMessage('certificate.state_invalid', 'fr', { state: 'verified' })).toContain('« Vérifié »');
    expect(errorMessage('release.checklist_incomplete', 'fr', { field: 'checklist.changesClosedChecked' })).toContain(
      '« Clôture des changements vérifiée »',
    );
    expect(
      errorMessage('ticket.checklist_incomplete', 'en', { field: 'checklist.stakeholdersInformed' }),
    ).not.toContain('stakeholdersInformed');
  });

  it('picks the preferred supported language', () => {
    expect(langFromHeader('de-CH, fr;q=0.8, en;q=0.5')).toBe('fr');
    expect(langFromHeader('en-GB')).toBe('en');
    expect(langFromHeader(undefined)).toBe('en');
    expect(langFromHeader('de')).toBe('en');
  });
});
