import { AppError } from '../../domain/errors.ts';
import { ROLES, type Role } from '../../domain/roles.ts';
import { SENSITIVITIES, sensitivityRank, type Sensitivity } from '../../domain/sensitivity.ts';
import type { PartySsoRow } from '../../store/admin.ts';

/** A claim's values as strings: a string, a list of strings, or nothing. */
function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * IF-4: the roles and clearance the party's mapping gives these claims. No mapped role or no
 * mapped clearance: refused (the provider vouches for the person, not for a role here); several
 * clearance values: the lowest.
 */
export function mapClaims(
  sso: PartySsoRow,
  claims: Record<string, unknown>,
): { roles: Role[]; clearance: Sensitivity } {
  const roles = [...new Set(claimValues(claims, sso.roleClaim).flatMap((value) => sso.roleMap[value] ?? []))].filter(
    (r): r is Role => (ROLES as readonly string[]).includes(r),
  );
  if (roles.length === 0) throw new AppError('sso.unmapped_role', undefined, { claim: sso.roleClaim });
  const levels = claimValues(claims, sso.clearanceClaim)
    .map((value) => sso.clearanceMap[value])
    .filter((l): l is Sensitivity => l !== undefined && (SENSITIVITIES as readonly string[]).includes(l));
  if (levels.length === 0) throw new AppError('sso.unmapped_clearance', undefined, { claim: sso.clearanceClaim });
  const clearance = levels.reduce((a, b) => (sensitivityRank(b) < sensitivityRank(a) ? b : a));
  return { roles, clearance };
}

/** A user name for an account created at first sign-in: the provider's preferred name, else the e-mail's local part. */
export function usernameFrom(claims: Record<string, unknown>, partyId: string): string {
  const raw =
    (typeof claims.preferred_username === 'string' && claims.preferred_username) ||
    (typeof claims.email === 'string' && claims.email.split('@')[0]) ||
    String(claims.sub);
  const clean = raw
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .slice(0, 50);
  return `${partyId.toLowerCase()}.${clean}`;
}
