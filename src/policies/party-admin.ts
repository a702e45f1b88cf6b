import { AppError } from '../domain/errors.ts';
import type { Actor } from '../domain/actor.ts';

/** A party's settings are changed only by that party's own administrators. */
export function assertAdministersParty(actor: Actor, partyId: string): void {
  if (actor.party !== partyId || !actor.roles.includes('party_admin')) throw new AppError('auth.forbidden');
}
