import { AppError } from './errors.ts';
import type { Role } from './roles.ts';
import { sensitivityRank, type Sensitivity } from './sensitivity.ts';

/** ISM-6: what a periodic access review decides for each account. */
export const ACCESS_DECISIONS = ['keep', 'change', 'revoke'] as const;
export type AccessDecision = (typeof ACCESS_DECISIONS)[number];

export interface AccessDecisionInput {
  decision: AccessDecision;
  roles?: Role[] | undefined;
  clearance?: Sensitivity | undefined;
  note?: string | undefined;
}

interface Account {
  id: string;
  roles: Role[];
  clearance: Sensitivity;
}

/**
 * The rules of one decision, before it is applied: nobody decides on their own account but
 * `keep` (another administrator must change or revoke it); a change names new roles or a new
 * clearance; an administrator never raises a clearance above their own.
 */
export function assertDecisionAllowed(
  reviewer: { id: string; clearance: Sensitivity; roles: readonly Role[] },
  account: Account,
  input: AccessDecisionInput,
): void {
  if (account.id === reviewer.id && input.decision !== 'keep') throw new AppError('access_review.own_account');
  if (input.decision !== 'change') {
    if (input.roles !== undefined)
      throw new AppError('validation.invalid', 'roles', { field: 'roles', detail: 'change_only' });
    if (input.clearance !== undefined)
      throw new AppError('validation.invalid', 'clearance', { field: 'clearance', detail: 'change_only' });
    return;
  }
  if (input.roles === undefined && input.clearance === undefined)
    throw new AppError('validation.required', 'roles', { field: 'roles' });
  if (input.clearance !== undefined) {
    const raised = sensitivityRank(input.clearance) > sensitivityRank(account.clearance);
    if (raised && sensitivityRank(input.clearance) > sensitivityRank(reviewer.clearance))
      throw new AppError('access_review.clearance_above_own', 'clearance');
  }
  if (input.roles !== undefined) assertMayGrantRoles(reviewer.roles, account.roles, input.roles);
}

/**
 * ISM-6: roles that pass the incident-team restriction or govern security (SEC-2): IMT member,
 * security officer, auditor, level manager. Only a security officer grants them.
 */
export const LEVEL3_GRANTS: readonly Role[] = ['imt_member', 'security_officer', 'auditor', 'level_manager'];

/** The roles an account gains from a change (taking roles away is always allowed). */
export function grantedRoles(before: readonly string[], after: readonly Role[]): Role[] {
  return [...new Set(after)].filter((role) => !before.includes(role));
}

/** The desk's working roles, which a party's administrator hands out as the party's work needs. */
export const DESK_ROLES: readonly Role[] = ['requester', 'agent', 'resolver', 'change_manager', 'release_manager'];

/**
 * Granting a role is bounded like clearance: the level-3 roles only by a security officer; the
 * desk's working roles by an administrator (or someone holding the role); any other role
 * (party administrator, system administrator) only by someone who holds it.
 */
export function mayGrantRole(granter: readonly Role[], role: Role): boolean {
  if (LEVEL3_GRANTS.includes(role)) return granter.includes('security_officer');
  if (DESK_ROLES.includes(role)) return granter.includes('party_admin') || granter.includes(role);
  return granter.includes(role);
}

export function assertMayGrantRoles(granter: readonly Role[], before: readonly string[], after: readonly Role[]): void {
  const index = after.findIndex((role) => grantedRoles(before, [role]).length > 0 && !mayGrantRole(granter, role));
  if (index >= 0) throw new AppError('access_review.role_not_grantable', `roles.${index}`, { role: after[index]! });
}
