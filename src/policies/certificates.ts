import { AppError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor } from '../domain/actor.ts';

/** Who keeps a party's certificate register (ISM-7). */
export const CERTIFICATE_KEEPERS: readonly Role[] = ['party_admin', 'security_officer'];

/** Register, install, put in use, renew or revoke: a party administrator or security officer of the owning party. */
export function assertKeepsRegister(actor: Actor, party: string): void {
  if (actor.party !== party || !actor.roles.some((r) => CERTIFICATE_KEEPERS.includes(r)))
    throw new AppError('auth.forbidden');
}

/**
 * The out-of-band verification is recorded by a party administrator or security officer of
 * any party on the link, but never by whoever registered the certificate: the fingerprint is
 * compared by a second person against what the other side reads out.
 */
export function assertMayVerify(actor: Actor, registeredBy: string | null): void {
  if (!actor.roles.some((r) => CERTIFICATE_KEEPERS.includes(r))) throw new AppError('auth.forbidden');
  if (registeredBy !== null && registeredBy === actor.id) throw new AppError('auth.forbidden');
}

/** A party trusts a CA through its own administrator. */
export function assertAdministers(actor: Actor): void {
  if (!actor.roles.includes('party_admin')) throw new AppError('auth.forbidden');
}
