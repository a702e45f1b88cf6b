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

const hasAny = (user: User, roles: readonly string[]) => user.roles.some((role) => roles.includes(role));

/** SEC-2: level 3 (security officers, level managers), the IMT and auditors work on or read security incidents. */
export const SECURITY_QUEUE_ROLES = ['security_officer', 'imt_member', 'level_manager', 'auditor'] as const;
/** SEC-1: who records a security incident directly (src/policies/recording.ts). */
export const SECURITY_RECORDING_ROLES = ['security_officer', 'agent'] as const;
/** ISM-1: who keeps the inventory (stewards) and who reads it in the console. */
export const ASSET_STEWARD_ROLES = ['security_officer', 'party_admin'] as const;
export const ASSET_READER_ROLES = [
  'security_officer',
  'party_admin',
  'imt_member',
  'level_manager',
  'auditor',
] as const;
/** ISM-7: certificate keepers, and the auditors who read the register. */
export const CERTIFICATE_KEEPER_ROLES = ['party_admin', 'security_officer'] as const;
export const CERTIFICATE_READER_ROLES = ['party_admin', 'security_officer', 'auditor'] as const;
/** ISM-6: access reviews are read by administrators and auditors, run by administrators. */
export const ACCESS_REVIEW_ROLES = ['party_admin', 'auditor'] as const;
/** SEC-7: who sets the party's security policy; SEC-2: who names the IMT rosters. */
export const SECURITY_POLICY_ROLES = ['security_officer', 'party_admin'] as const;

export const seesSecurityQueue = (user: User) => hasAny(user, SECURITY_QUEUE_ROLES);
export const recordsSecurityIncidents = (user: User) => hasAny(user, SECURITY_RECORDING_ROLES);
export const readsAssets = (user: User) => hasAny(user, ASSET_READER_ROLES);
export const keepsAssets = (user: User) => hasAny(user, ASSET_STEWARD_ROLES);
export const readsCertificates = (user: User) => hasAny(user, CERTIFICATE_READER_ROLES);
export const keepsCertificates = (user: User) => hasAny(user, CERTIFICATE_KEEPER_ROLES);
export const readsAccessReviews = (user: User) => hasAny(user, ACCESS_REVIEW_ROLES);
/** AUD-2: a party's audit entries are read by its auditors and administrators (src/policies/audit.ts). */
export const AUDIT_READER_ROLES = ['auditor', 'party_admin'] as const;
export const readsAudit = (user: User) => hasAny(user, AUDIT_READER_ROLES);
export const setsSecurityPolicy = (user: User) => hasAny(user, SECURITY_POLICY_ROLES);
export const namesRosters = (user: User) => user.roles.includes('security_officer');
/** SEC-5: reports go to level 3 only. */
export const readsSecurityReports = (user: User) => hasAny(user, ['security_officer', 'level_manager']);
import type { User } from '../../../contract/directory.ts';
