import { describe, expect, it } from 'vitest';
import { validateAction } from '../../src/web/app/ticket/actions/validateAction.ts';

describe('console action forms: checked with the contract schemas before sending', () => {
  it('names every offending field, each with its own message, in the user language', () => {
    const error = validateAction('rollback', { version: 3, reason: '', restored: '' }, 'fr');
    expect(error?.code).toBe('validation.invalid');
    expect(Object.keys(error?.fieldErrors ?? {}).sort()).toEqual(['reason', 'restored']);
    // A short message for a person, the label stands next to it; the error's own message names the field for the summary.
    expect(error?.fieldErrors?.reason).toBe('Ce champ est à remplir.');
    expect(error?.message).toMatch(/^Le champ « reason » est invalide/);
    expect(error?.field).toBe('reason');
  });

  it('checks nested fields and enums as the server does', () => {
    const error = validateAction(
      'record_build_test',
      {
        deliveryPlan: 'd',
        testPlan: 't',
        leadTimes: 'l',
        delayHandling: 'h',
        successIndicators: ['ok'],
        testCases: [{ name: 'n', expected: 'e', result: 'maybe' }],
      },
      'en',
    );
    expect(Object.keys(error?.fieldErrors ?? {})).toEqual(['testCases.0.result']);
    expect(error?.fieldErrors?.['testCases.0.result']).toBe('Choose one of the values offered.');
  });

  it('says "too long" with the limit, never the schema\'s raw text', () => {
    const error = validateAction('rollback', { version: 3, reason: 'x'.repeat(20_000), restored: 'v1' }, 'en');
    expect(error?.fieldErrors?.reason).toMatch(/^At most \d+ characters\.$/);
  });

  it('lets a valid body through, and actions without a contract (the field update) to the server', () => {
    expect(validateAction('rollback', { version: 3, reason: 'broke', restored: 'v1' }, 'en')).toBeNull();
    expect(validateAction('update', { title: '' }, 'en')).toBeNull();
  });
});
