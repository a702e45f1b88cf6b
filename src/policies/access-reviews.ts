import { AppError } from '../domain/errors.ts';
import type { Actor } from '../domain/actor.ts';

/**
 * ISM-6: a party's access reviews are its own business. Another party's reviews do not exist
 * for the reader (404); within the party they are read by its administrators and auditors
 * and decided by its administrators only.
 */
export function assertSeesReview(actor: Actor, reviewParty: string): void {
  if (reviewParty !== actor.party) throw new AppError('access_review.not_found');
  if (!actor.roles.includes('party_admin') && !actor.roles.includes('auditor')) throw new AppError('auth.forbidden');
}

export function assertRunsReview(actor: Actor, reviewParty: string): void {
  if (reviewParty !== actor.party) throw new AppError('access_review.not_found');
  if (!actor.roles.includes('party_admin')) throw new AppError('auth.forbidden');
}
