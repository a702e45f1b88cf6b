import { AppError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { clearanceCovers, type Sensitivity } from '../domain/sensitivity.ts';
import type { Actor } from '../domain/actor.ts';

/** Who records each type of ticket (PARTY-5). */
export const RECORDERS = {
  incident: ['agent', 'resolver', 'requester'],
  request: ['agent', 'resolver', 'requester'],
  problem: ['agent', 'resolver'],
  change: ['agent', 'resolver', 'change_manager'],
  release: ['release_manager', 'change_manager'],
  security: ['security_officer', 'agent'],
  consultation: ['agent', 'level_manager', 'security_officer'],
} as const satisfies Record<string, readonly Role[]>;

/** The actor may record this type of ticket, and never above their own clearance (ISM-4). */
export function assertMayRecord(actor: Actor, type: keyof typeof RECORDERS, sensitivity: Sensitivity): void {
  const recorders: readonly Role[] = RECORDERS[type];
  if (!actor.roles.some((role) => recorders.includes(role))) throw new AppError('auth.forbidden');
  if (!clearanceCovers(actor.clearance, sensitivity)) throw new AppError('ticket.sensitivity_too_high', 'sensitivity');
}
