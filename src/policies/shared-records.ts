import { inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { clearanceCovers, levelsCoveredBy, type Sensitivity } from '../domain/sensitivity.ts';

/**
 * CBM-3 / CBM-4 / CBM-6: what one party shares with every party (exchanges, vulnerability
 * notices, meeting records) is read by anyone whose clearance covers its ETS level (ISM-4).
 * Every read of those tables filters with this.
 */
export function sharedRecordVisibleTo(actor: Pick<Actor, 'clearance'>, sensitivity: PgColumn): SQL {
  return inArray(sensitivity, levelsCoveredBy(actor.clearance));
}

/** The same rule for one loaded record. */
export function maySeeSharedRecord(actor: Pick<Actor, 'clearance'>, record: { sensitivity: Sensitivity }): boolean {
  return clearanceCovers(actor.clearance, record.sensitivity);
}

/** The actor speaks for their party with one of these roles, and never records above their clearance. */
export function assertMayShare(actor: Actor, roles: readonly Role[], sensitivity: Sensitivity): void {
  if (!actor.roles.some((role) => roles.includes(role))) throw new AppError('auth.forbidden');
  if (!clearanceCovers(actor.clearance, sensitivity)) throw new AppError('ticket.sensitivity_too_high', 'sensitivity');
}

/** Only the party that wrote a shared record changes it, with one of these roles. */
export function assertOwnRecord(actor: Actor, record: { partyId: string }, roles: readonly Role[]): void {
  if (record.partyId !== actor.party || !actor.roles.some((role) => roles.includes(role)))
    throw new AppError('auth.forbidden');
}
