import { describe, expect, it } from 'vitest';
import {
  dueExpiryAlert,
  pendingChangeOf,
  sameFingerprint,
  settlementOf,
  trustedByAll,
  type CertificateHistoryEntry,
  type CertificateState,
} from './certificates.ts';

const DAY = 86_400_000;
const end = new Date('2027-03-01T00:00:00Z');
const before = (days: number) => new Date(end.getTime() - days * DAY);

describe('ISM-7 rules', () => {
  it('sends the tightest expiry warning reached, once, never a late wider one', () => {
    expect(dueExpiryAlert(end, before(61), [])).toBeNull();
    expect(dueExpiryAlert(end, before(60), [])).toMatchObject({ threshold: 60, covers: ['60'] });
    expect(dueExpiryAlert(end, before(45), ['60'])).toBeNull();
    expect(dueExpiryAlert(end, before(20), [])).toMatchObject({ threshold: 30, days: 20, covers: ['60', '30'] });
    expect(dueExpiryAlert(end, before(20), ['60', '30'])).toBeNull();
    expect(dueExpiryAlert(end, before(0.5), ['60', '30'])).toMatchObject({ threshold: 7, days: 1 });
    expect(dueExpiryAlert(end, new Date(end.getTime() + 1), [])).toBeNull();
  });

  it('compares fingerprints as read aloud, and only whole SHA-256 ones', () => {
    const fp = 'AB:'.repeat(31) + 'AB';
    expect(sameFingerprint('ab'.repeat(32), fp)).toBe(true);
    expect(sameFingerprint('ab ab', 'ABAB')).toBe(false);
  });

  it('counts a CA or a change only when every party is in', () => {
    expect(trustedByAll(['EU'], ['EU', 'CH'])).toBe(false);
    expect(trustedByAll(['CH', 'EU'], ['EU', 'CH'])).toBe(true);
    expect(trustedByAll([], [])).toBe(false);
    const approved = (party: string) => ({ party, decision: 'approved' });
    expect(settlementOf('awaiting_approval', [approved('EU')], ['EU', 'CH'])).toBe('pending');
    expect(settlementOf('approved', [approved('EU'), approved('CH')], ['EU', 'CH'])).toBe('approved');
    expect(settlementOf('implemented', [approved('EU'), approved('CH')], ['EU', 'CH'])).toBe('approved');
    expect(settlementOf('approved', [approved('EU')], ['EU', 'CH'])).toBe('not_joint');
    expect(settlementOf('rejected', [approved('EU')], ['EU', 'CH'])).toBe('rejected');
  });

  it('reads the pending renewal or revocation from the history', () => {
    const h = (kind: string, changeId: string, from?: CertificateState): CertificateHistoryEntry => ({
      kind,
      at: '',
      by: 'x',
      byId: null,
      party: null,
      changeId,
      ...(from ? { from } : {}),
    });
    expect(pendingChangeOf([h('renewal_requested', 'c1', 'in_use')], 'c1')).toEqual({
      kind: 'renewal',
      from: 'in_use',
    });
    expect(pendingChangeOf([h('renewal_requested', 'c1'), h('renewal_rejected', 'c1')], 'c1')).toBeNull();
    expect(pendingChangeOf([h('revocation_requested', 'c2')], 'c2')?.kind).toBe('revocation');
    expect(pendingChangeOf([h('revocation_requested', 'c2')], null)).toBeNull();
  });
});
