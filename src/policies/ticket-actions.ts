import { AppError } from '../domain/errors.ts';
import { allowedActions, lifecycleOf, refusalOf, type TicketAction } from '../domain/lifecycle.ts';
import { gatesOf, heldBack } from '../domain/processes.ts';
import type { TicketDetails } from '../domain/details.ts';
import type { TicketType } from '../domain/ticket-types.ts';
import type { Actor } from '../domain/actor.ts';

export interface TicketForPolicy {
  type: TicketType;
  status: string;
  ownerParty: string;
  holderParty: string;
  participants: string[];
  details?: TicketDetails;
}

function position(ticket: TicketForPolicy) {
  return {
    status: ticket.status,
    ownerParty: ticket.ownerParty,
    holderParty: ticket.holderParty,
    participants: ticket.participants,
    gates: gatesOf(ticket.type, ticket.details),
  };
}

/** Throws the right error when the actor may not fire `action` on the ticket now. */
export function assertMayAct(actor: Actor, ticket: TicketForPolicy, action: TicketAction): void {
  const lifecycle = lifecycleOf(ticket.type);
  const refusal = refusalOf(lifecycle, action, actor, position(ticket));
  if (refusal === null) {
    const held = heldBack(ticket.type, ticket.status, ticket.details)[action];
    if (held) throw new AppError(held);
    return;
  }
  if (refusal === 'transition_invalid') {
    if (lifecycle.final.includes(ticket.status) && lifecycle.actions[action]) throw new AppError('ticket.closed');
    throw new AppError('ticket.transition_invalid', undefined, { action, status: ticket.status });
  }
  if (action === 'close' && actor.party !== ticket.ownerParty) throw new AppError('ticket.close_forbidden');
  throw new AppError('ticket.action_not_allowed', undefined, { action });
}

/** The actions the console should offer this actor on this ticket. */
export function actionsFor(actor: Actor, ticket: TicketForPolicy): TicketAction[] {
  const held = heldBack(ticket.type, ticket.status, ticket.details);
  return allowedActions(lifecycleOf(ticket.type), actor, position(ticket)).filter((action) => !held[action]);
}

/**
 * ISM-2: lowering a ticket's classification exposes what was written under the higher one, so it
 * is an act of a security officer, with a reason on the record.
 */
export function assertMayLowerSensitivity(actor: Actor, reason: string | undefined): void {
  if (!actor.roles.includes('security_officer'))
    throw new AppError('ticket.action_not_allowed', 'sensitivity', { action: 'sensitivity' });
  if (!reason?.trim()) throw new AppError('ticket.sensitivity_reason_required', 'sensitivityReason');
}
