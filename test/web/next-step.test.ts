import { describe, expect, it } from 'vitest';
import { nextStep } from '../../src/web/app/ticket/actions/nextStep.ts';

describe('ticket page: the next expected step', () => {
  it('follows an incident along its lifecycle', () => {
    const common = ['comment', 'update', 'escalate'];
    expect(nextStep('incident', 'recorded', [...common, 'assign', 'transfer', 'pend', 'resolve'])).toBe('assign');
    expect(nextStep('incident', 'in_progress', [...common, 'assign', 'pend', 'resolve'])).toBe('resolve');
    expect(nextStep('incident', 'pending', [...common, 'resume', 'resolve'])).toBe('resolve');
    expect(nextStep('incident', 'pending', [...common, 'resume'])).toBe('resume');
    expect(nextStep('incident', 'resolved', ['comment', 'reject_resolution', 'verify'])).toBe('verify');
    expect(nextStep('incident', 'verified', ['comment', 'close'])).toBe('close');
  });

  it('offers none when nothing allowed moves the ticket forward', () => {
    expect(nextStep('incident', 'closed', ['record_recurrence'])).toBeNull();
    expect(nextStep('incident', 'in_progress', ['comment', 'pend'])).toBeNull();
  });
});
