import { describe, expect, it } from 'vitest';
import { mayGrantRole } from './access-reviews.ts';
import { changedTeam, minimumReason, minimumSensitivity } from './security.ts';

describe('issue 11 rules, pure', () => {
  it('13. keeps a security incident at the level of the assets its analysis named, after the investigation too', () => {
    expect(minimumSensitivity('security', 'recovered', {})).toBe('SENSITIVE');
    expect(minimumSensitivity('security', 'recovered', { assetLevel: 'CRITICAL' })).toBe('CRITICAL');
    expect(minimumReason({ assetLevel: 'CRITICAL' }, 'CRITICAL')).toBe('SEC-11');
    expect(minimumReason({ assetLevel: 'SENSITIVE' }, 'CRITICAL')).toBe('SEC-3');
  });

  it('2. changes a team by named members, never leaving it without a member of the owning party', () => {
    const party: Record<string, string> = { a: 'EU', b: 'EU', c: 'CH' };
    const of = (id: string) => party[id];
    expect(changedTeam(null, ['a', 'b'], [], of, 'EU')).toEqual({ team: ['a', 'b'], added: ['a', 'b'], removed: [] });
    expect(changedTeam(['a', 'b'], ['c'], ['a'], of, 'EU')).toEqual({ team: ['b', 'c'], added: ['c'], removed: ['a'] });
    expect(changedTeam(['a', 'c'], [], ['a'], of, 'EU')).toEqual({ refusal: 'team_needs_owner_member' });
    expect(changedTeam(['a'], [], ['b'], of, 'EU')).toEqual({ refusal: 'not_in_team', index: 0 });
  });

  it('3. grants level-3 roles only through a security officer, other roles only through their holders', () => {
    for (const role of ['imt_member', 'security_officer', 'auditor', 'level_manager'] as const) {
      expect(mayGrantRole(['party_admin'], role)).toBe(false);
      expect(mayGrantRole(['party_admin', 'security_officer'], role)).toBe(true);
    }
    expect(mayGrantRole(['party_admin'], 'sysadmin')).toBe(false);
    expect(mayGrantRole(['party_admin'], 'agent')).toBe(true);
    expect(mayGrantRole(['party_admin'], 'party_admin')).toBe(true);
  });
});
