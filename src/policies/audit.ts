import { AppError } from '../domain/errors.ts';
import type { Actor } from '../domain/actor.ts';

/** AUD-2: a party's auditors and administrators read (and export) its audit entries and the chain's checkpoints. */
export function readsAudit(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('auditor') || actor.roles.includes('party_admin');
}

export function assertReadsAudit(actor: Actor): void {
  if (!readsAudit(actor)) throw new AppError('auth.forbidden');
}

/** AUD-3/AUD-4: a party's export and offboarding are run by that party's administrators. */
export function assertAdministersOwnParty(actor: Actor, partyId: string): void {
  if (actor.party !== partyId || !actor.roles.includes('party_admin')) throw new AppError('auth.forbidden');
}
