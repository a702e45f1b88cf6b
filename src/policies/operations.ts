import { AppError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import type { Actor } from '../domain/actor.ts';

const OPERATORS: readonly Role[] = ['agent', 'resolver', 'change_manager', 'release_manager', 'party_admin'];

/** Outages and maintenance windows of a party are recorded by that party's own operators. */
export function assertOperatesParty(actor: Actor, partyId: string): void {
  if (actor.party !== partyId || !actor.roles.some((role) => OPERATORS.includes(role)))
    throw new AppError('auth.forbidden');
}

const SCHEDULERS: readonly Role[] = ['change_manager', 'release_manager', 'party_admin'];

/** Maintenance windows stop SLA clocks: only the party's change, release or party managers schedule them. */
export function assertSchedulesMaintenance(actor: Actor, partyId: string): void {
  if (actor.party !== partyId || !actor.roles.some((role) => SCHEDULERS.includes(role)))
    throw new AppError('auth.forbidden');
}
