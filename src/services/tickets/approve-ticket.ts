import { decide, pendingParties, type Approval } from '../../domain/approvals.ts';
import { AppError } from '../../domain/errors.ts';
import { approverRoleFor } from '../../domain/processes.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import type { Actor } from '../../domain/actor.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';

/** The types whose details keep per-party approvals. */
const APPROVED_TYPES = ['request', 'change', 'release'] as const;

export interface DecisionInput {
  note?: string | undefined;
  reason?: string | undefined;
  version?: number | undefined;
}

/** CHG-3: at the change's approval level the CAB member must hold the level's role. */
export function assertCabLevel(actor: Actor, change: TicketRow): number {
  const level = detailsOf(change, 'change').approvalLevel ?? 1;
  const role = approverRoleFor(level);
  if (!actor.roles.includes(role)) throw new AppError('change.approver_level', undefined, { level, role });
  return level;
}

/**
 * Records the actor's party's decision on the approvals awaited from it; returns the new
 * approvals and whether every party has now approved.
 */
export function recordDecision(
  actor: Actor,
  approvals: Approval[],
  decision: NonNullable<Approval['decision']>,
  now: Date,
  note: string | undefined,
) {
  const next = decide(approvals, actor.party, decision, { id: actor.id, name: actor.displayName }, now, note);
  return { approvals: next, complete: pendingParties(next).length === 0 };
}

/**
 * The actor's party's decision on the approval awaited from it (checking the CAB level of a
 * change): the approvals after it, whether every party has now approved, and the event and
 * audit entry that record it.
 */
function decideOn(actor: Actor, ticket: TicketRow, decision: 'approved' | 'refused', now: Date, note?: string) {
  const level = ticket.type === 'change' ? assertCabLevel(actor, ticket) : undefined;
  const recorded = recordDecision(actor, detailsOf(ticket, APPROVED_TYPES).approvals, decision, now, note);
  const data = {
    gate: 'approver' as const,
    party: actor.party,
    decision,
    ...(note ? { note } : {}),
    ...(level ? { level } : {}),
  };
  const events: PendingEvent[] = [{ event: { kind: 'approval_given', data } }];
  return { ...recorded, events, audit: { party: actor.party, decision } };
}

/**
 * Approval by one party whose approval is awaited: a request by the other party's desk (REQ-2),
 * a change by each affected party's CAB member (CHG-3, four eyes across organisations). The
 * last approval moves the ticket to approved. A release's deployment is approved the same way
 * by each affected party's release manager (REL-4).
 */
export function approveTicket(
  ctx: ServiceContext,
  idOrRef: string,
  input: DecisionInput,
  action: 'approve' | 'approve_deployment' = 'approve',
) {
  return runTicketAction(ctx, idOrRef, action, input.version, (ticket, _tx, now): ActionOutcome => {
    const { approvals, complete, events, audit } = decideOn(ctx.actor, ticket, 'approved', now, input.note);
    return {
      ...(complete ? { status: 'approved' } : {}),
      patch: withDetails(ticket, APPROVED_TYPES, { approvals }),
      events,
      audit,
    };
  });
}

/**
 * A refusal by an awaited party: a refused request goes back to its owning desk with the reason,
 * and that desk closes it (REQ-2, PARTY-2); a rejected change ends (CHG-3).
 */
export function refuseTicket(ctx: ServiceContext, idOrRef: string, action: 'refuse' | 'reject', input: DecisionInput) {
  return runTicketAction(ctx, idOrRef, action, input.version, (ticket, _tx, now): ActionOutcome => {
    const { approvals, events, audit } = decideOn(ctx.actor, ticket, 'refused', now, input.reason);
    // Nobody else is asked once one party refuses.
    const closed = approvals.filter((a) => a.decision !== null);
    return {
      note: input.reason,
      patch: { resolution: input.reason ?? null, ...withDetails(ticket, APPROVED_TYPES, { approvals: closed }) },
      events,
      audit,
    };
  });
}
