import { describe, expect, it } from 'vitest';
import { audienceWithin } from './ticket-visibility.ts';

describe('issue 11: known errors and their audience', () => {
  it('1. lets a known error reach a ticket only when every reader of the ticket may read its problem', () => {
    const problem = { participants: ['EU'], sensitivity: 'SENSITIVE' as const, team: null };
    expect(audienceWithin(problem, { participants: ['EU', 'CH'], sensitivity: 'LIMITED', team: null })).toBe(false);
    expect(audienceWithin(problem, { participants: ['EU'], sensitivity: 'LIMITED', team: null })).toBe(false);
    expect(audienceWithin(problem, { participants: ['EU'], sensitivity: 'SENSITIVE', team: null })).toBe(true);
    const teamed = { ...problem, team: ['x', 'y'] };
    expect(audienceWithin(teamed, { participants: ['EU'], sensitivity: 'CRITICAL', team: null })).toBe(false);
    expect(audienceWithin(teamed, { participants: ['EU'], sensitivity: 'CRITICAL', team: ['x'] })).toBe(true);
  });
});
