import { AppError } from '../../domain/errors.ts';
import type { TicketAction } from '../../domain/lifecycle.ts';
import { lifecycleOf, nextState } from '../../domain/lifecycle.ts';
import { isUuid } from '../../domain/identifiers.ts';
import { minimumReason, raisedSensitivity } from '../../domain/security.ts';

import { assertMayAct } from '../../policies/ticket-actions.ts';
import type { Db } from '../../store/db.ts';
import { findVisibleTicket, lockTicket, type TicketRow } from '../../store/ticket-reads.ts';
import { writeAudit, type NewTicket, type PendingEvent } from '../../store/ticket-writes.ts';
import { applyTicketChange } from './record-events.ts';
import { assertHandOver, assertLowering } from './guards.ts';
import { nowOf, type ServiceContext } from './context.ts';
import type { Actor } from '../../domain/actor.ts';

export interface ActionOutcome {
  patch?: Partial<NewTicket>;
  events?: PendingEvent[];
  /** The state to move to when the lifecycle leaves it to the use case (last approval, last task, restart step). */
  status?: string;
  /** Why the state changed, kept on the status_changed event. */
  note?: string | undefined;
  /** Extra facts for the audit entry. */
  audit?: Record<string, unknown>;
  /** Why the classification is lowered (a security officer's reason, ISM-2); required to lower it. */
  sensitivityReason?: string | undefined;
}

export type Decide = (ticket: TicketRow, tx: Db, now: Date) => Promise<ActionOutcome> | ActionOutcome;

/** The ticket the actor may see, or 404 — the same answer whether it is missing or hidden. */
export async function loadVisibleTicket(db: Db, actor: Actor, idOrRef: string): Promise<TicketRow> {
  const ticket = await findVisibleTicket(db, actor, idOrRef, isUuid(idOrRef));
  if (!ticket) throw new AppError('ticket.not_found');
  return ticket;
}

/**
 * The one path every change to an existing ticket takes: in one transaction, load it under
 * the visibility rule, lock it, check the expected version, check the lifecycle and the
 * policy, apply the decision, append the timeline events (plus the state change the
 * lifecycle implies) and the audit entry.
 */
export async function runTicketAction(
  ctx: ServiceContext,
  idOrRef: string,
  action: TicketAction,
  expectedVersion: number | undefined,
  decide: Decide,
): Promise<TicketRow> {
  return ctx.db.transaction(async (tx) => {
    const visible = await loadVisibleTicket(tx, ctx.actor, idOrRef);
    const ticket = await lockTicket(tx, visible.id);
    if (expectedVersion !== undefined && expectedVersion !== ticket.version) {
      throw new AppError('ticket.version_conflict', 'version', { current: ticket.version });
    }
    assertMayAct(ctx.actor, ticket, action);
    const now = nowOf(ctx);
    const outcome = await decide(ticket, tx, now);
    const patch = { ...outcome.patch };
    const events = [...(outcome.events ?? [])];
    const lifecycle = lifecycleOf(ticket.type);
    const to = outcome.status ?? nextState(lifecycle, action, ticket.status);
    if (!lifecycle.states.includes(to)) throw new Error(`${action} leads to unknown state ${to}`);
    if (lifecycle.final.includes(to) && !patch.closedAt) patch.closedAt = now;
    // ISM-2: lowered only by a security officer with a reason, never below what its links require.
    const current = patch.sensitivity ?? ticket.sensitivity;
    await assertLowering(tx, ctx.actor, ticket, current, outcome.sensitivityReason);
    // SEC-3 / SEC-11: a security incident rises by itself while investigated or weak, and to the level of the assets it names.
    const details = patch.details ?? ticket.details;
    const raised = raisedSensitivity(ticket.type, to, details, current);
    if (raised) {
      patch.sensitivity = raised;
      events.push({
        event: {
          kind: 'sensitivity_changed',
          data: { from: current, to: raised, reason: minimumReason(details, raised) },
        },
      });
    }
    await assertHandOver(tx, ticket, patch, {
      participants: patch.participants ?? ticket.participants,
      sensitivity: patch.sensitivity ?? ticket.sensitivity,
      team: patch.team !== undefined ? patch.team : ticket.team,
    });
    if (to !== ticket.status) {
      patch.status = to;
      events.unshift({
        event: {
          kind: 'status_changed',
          data: { from: ticket.status, to, action, ...(outcome.note ? { note: outcome.note } : {}) },
        },
      });
    }
    const updated = await applyTicketChange(tx, ticket, patch, authorOf(ctx), events, now, ctx.mail ?? false);
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: `ticket.${action}`,
        targetId: ticket.id,
        data: { ref: ticket.ref, ...outcome.audit },
      },
      now,
    );
    return updated;
  });
}

/** Who an event is attributed to. */
export function authorOf(ctx: ServiceContext) {
  return {
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    party: ctx.actor.party,
    instanceId: ctx.instanceId,
  };
}
