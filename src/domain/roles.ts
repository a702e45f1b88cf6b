/** PARTY-5 roles. */
export const ROLES = [
  'requester',
  'agent',
  'resolver',
  'change_manager',
  'release_manager',
  'security_officer',
  'imt_member',
  'level_manager',
  'auditor',
  'party_admin',
  'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

/** The roles a stored list names (unknown entries dropped). */
export function rolesIn(list: unknown): Role[] {
  return Array.isArray(list) ? ROLES.filter((role) => list.includes(role)) : [];
}

/** PARTY-4 escalation levels, COP defaults. */
export interface EscalationLevel {
  level: number;
  name: string;
}

/** COP defaults for a party's levels; L3/L4 are joint bodies shared by both parties. */
export function defaultEscalationLevels(party: string): EscalationLevel[] {
  const l2 = party === 'CH' ? 'CH registry application manager' : `${party} operations manager`;
  return [
    { level: 1, name: `${party} service desk` },
    { level: 2, name: l2 },
    { level: 3, name: 'Joint committee working group' },
    { level: 4, name: 'Joint committee' },
  ];
}
