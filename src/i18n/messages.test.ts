import { describe, expect, it } from 'vitest';
import { errorMessage, langFromHeader } from './messages.ts';

describe('server messages', () => {
  it('fills placeholders in both languages', () => {
    expect(errorMessage('validation.required', 'fr', { field: 'title' })).toBe('Le champ « title » est obligatoire.');
    expect(errorMessage('validation.required', 'en', { field: 'title' })).toBe('The field "title" is required.');
  });

  it('translates the reason of an invalid value', () => {
    expect(errorMessage('validation.invalid', 'fr', { field: 'startsAt', detail: 'notice' })).toBe(
      'Le champ « startsAt » est invalide : au moins une heure à l’avance',
    );
    expect(errorMessage('validation.invalid', 'en', { field: 'mode', detail: 'highest_level', level: 4 })).toBe(
      'The field "mode" is invalid: level 4 is the highest',
    );
  });

  it('picks the preferred supported language', () => {
    expect(langFromHeader('de-CH, fr;q=0.8, en;q=0.5')).toBe('fr');
    expect(langFromHeader('en-GB')).toBe('en');
    expect(langFromHeader(undefined)).toBe('en');
    expect(langFromHeader('de')).toBe('en');
  });
});
