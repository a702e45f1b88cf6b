import { AppError } from '../domain/errors.ts';
import type { Actor } from '../domain/actor.ts';

/** ISM-8: a party's allow-list is read by its own administrators and auditors only. */
export function assertMayReadAllowlist(actor: Actor, partyId: string): void {
  if (actor.party !== partyId || !(actor.roles.includes('party_admin') || actor.roles.includes('auditor')))
    throw new AppError('auth.forbidden');
}
