import { describe, expect, it } from 'vitest';
import { CRITICALITIES, DEFAULT_PRIORITY_MATRIX, IMPACTS, isCompleteMatrix, priorityFor } from './priority.ts';

describe('SLA-1 priority matrix', () => {
  it('matches the requirement row by row', () => {
    const rows = CRITICALITIES.map((c) => IMPACTS.map((i) => priorityFor(i, c)).join(' '));
    expect(rows).toEqual(['P1 P2 P3', 'P2 P3 P4', 'P3 P4 P5']);
  });

  it('uses a party matrix when given and checks completeness', () => {
    const custom = { ...DEFAULT_PRIORITY_MATRIX, C3: { I1: 'P2', I2: 'P4', I3: 'P5' } } as const;
    expect(priorityFor('I1', 'C3', custom)).toBe('P2');
    expect(isCompleteMatrix(custom)).toBe(true);
    expect(isCompleteMatrix({ C1: { I1: 'P1' } })).toBe(false);
    expect(isCompleteMatrix(null)).toBe(false);
  });
});
