import { describe, expect, it } from 'vitest';
import { formatTicketRef, isTicketRef, isUuid } from './identifiers.ts';

describe('ticket identifiers (TKT-2)', () => {
  it('formats party, type, year and a six-digit number', () => {
    expect(formatTicketRef('EU', 'incident', 2026, 42)).toBe('EU-INC-2026-000042');
    expect(formatTicketRef('CH', 'security', 2027, 1234567)).toBe('CH-SEC-2027-1234567');
    expect(isTicketRef('EU-INC-2026-000042')).toBe(true);
    expect(isTicketRef('eu-inc-2026-42')).toBe(false);
  });

  it('tells UUIDs from references', () => {
    expect(isUuid('6f1c1a52-1d0e-4a8e-9a3e-1d2c3b4a5f60')).toBe(true);
    expect(isUuid('EU-INC-2026-000042')).toBe(false);
  });
});
