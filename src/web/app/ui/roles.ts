import type { User } from '../types.ts';

/** Roles that record outages and maintenance windows of their own party. */
export const OPERATOR_ROLES = ['agent', 'resolver', 'change_manager', 'release_manager', 'party_admin'] as const;

/** True when `user` may record outages and maintenance windows for `party`. */
export function operatesParty(user: User, party: string): boolean {
  return user.party === party && user.roles.some((role) => (OPERATOR_ROLES as readonly string[]).includes(role));
}

/** True when `user` administers `party` (calendar versions, service targets). */
export function administersParty(user: User, party: string): boolean {
  return user.party === party && user.roles.includes('party_admin');
}

/** Roles that schedule and cancel maintenance windows of their own party (they stop SLA clocks). */
export const MAINTENANCE_ROLES = ['change_manager', 'release_manager', 'party_admin'] as const;

/** True when `user` may schedule or cancel maintenance windows of `party`. */
export function schedulesMaintenance(user: User, party: string): boolean {
  return user.party === party && user.roles.some((role) => (MAINTENANCE_ROLES as readonly string[]).includes(role));
}
