import { describe, expect, it } from 'vitest';
import { clearanceCovers, levelsCoveredBy, maxSensitivity, sensitivityFromCia } from './sensitivity.ts';

describe('ETS sensitivity (ISM-2, ISM-4)', () => {
  it('derives the level from C, I and A', () => {
    expect(sensitivityFromCia('LOW', 'HIGH', 'LOW')).toBe('CRITICAL');
    expect(sensitivityFromCia('MEDIUM', 'LOW', 'LOW')).toBe('SENSITIVE');
    expect(sensitivityFromCia('LOW', 'LOW', 'LOW')).toBe('LIMITED');
  });

  it('lets a clearance read its level and below only', () => {
    expect(levelsCoveredBy('LIMITED')).toEqual(['LIMITED']);
    expect(levelsCoveredBy('SENSITIVE')).toEqual(['LIMITED', 'SENSITIVE']);
    expect(clearanceCovers('SENSITIVE', 'CRITICAL')).toBe(false);
    expect(maxSensitivity('LIMITED', 'SENSITIVE')).toBe('SENSITIVE');
  });
});
