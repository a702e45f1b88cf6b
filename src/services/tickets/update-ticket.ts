import { AppError } from '../../domain/errors.ts';
import type { Criticality, Impact, Priority } from '../../domain/priority.ts';
import { clearanceCovers, sensitivityRank, type Sensitivity } from '../../domain/sensitivity.ts';
import { minimumReason, minimumSensitivity } from '../../domain/security.ts';
import { assertMayLowerSensitivity } from '../../policies/ticket-actions.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { matrixPriority } from './create-ticket.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface UpdateTicketInput {
  version: number;
  title?: string | undefined;
  description?: string | undefined;
  service?: string | undefined;
  impact?: Impact | undefined;
  criticality?: Criticality | undefined;
  priority?: Priority | undefined;
  priorityReason?: string | undefined;
  sensitivity?: Sensitivity | undefined;
  /** Required to lower the classification (a security officer's act, ISM-2). */
  sensitivityReason?: string | undefined;
}

const PLAIN_FIELDS = ['title', 'description', 'service', 'impact', 'criticality'] as const;
/** Classification is the owning party's assessment (TKT-5, ISM-2): the holder may not change it. */
const OWNER_FIELDS = ['impact', 'criticality', 'priority', 'sensitivity'] as const;

/**
 * TKT-5: fields are re-assessable; each change is a field_changed event with old and new
 * values. Priority follows the matrix unless overridden with a recorded reason.
 */
export function updateTicket(ctx: ServiceContext, idOrRef: string, input: UpdateTicketInput) {
  return runTicketAction(ctx, idOrRef, 'update', input.version, async (ticket, tx) => {
    if (ctx.actor.party !== ticket.ownerParty) {
      const field = OWNER_FIELDS.find((f) => input[f] !== undefined && input[f] !== ticket[f]);
      if (field) throw new AppError('ticket.action_not_allowed', field, { action: field });
    }
    const patch: Record<string, unknown> = {};
    const events: PendingEvent[] = [];
    for (const field of PLAIN_FIELDS) {
      const value = input[field];
      if (value !== undefined && value !== ticket[field]) {
        patch[field] = value;
        events.push({ event: { kind: 'field_changed', data: { field, from: ticket[field], to: value } } });
      }
    }
    const impact = input.impact ?? ticket.impact;
    const criticality = input.criticality ?? ticket.criticality;
    const computed = await matrixPriority(tx, ticket.ownerParty, impact, criticality);
    const wanted =
      input.priority ?? (ticket.priorityReason && !patch.impact && !patch.criticality ? ticket.priority : computed);
    // A reason is needed for a new override; an unchanged one keeps its recorded reason.
    const kept = wanted === ticket.priority ? ticket.priorityReason : null;
    const reason = wanted === computed ? null : input.priorityReason?.trim() || kept || '';
    if (reason === '') throw new AppError('ticket.priority_reason_required', 'priorityReason');
    if (wanted !== ticket.priority) {
      patch.priority = wanted;
      patch.priorityReason = reason;
      events.push({
        event: {
          kind: 'field_changed',
          data: { field: 'priority', from: ticket.priority, to: wanted, ...(reason ? { reason } : {}) },
        },
      });
    }
    if (input.sensitivity && input.sensitivity !== ticket.sensitivity) {
      if (!clearanceCovers(ctx.actor.clearance, input.sensitivity))
        throw new AppError('ticket.sensitivity_too_high', 'sensitivity');
      const lowering = sensitivityRank(input.sensitivity) < sensitivityRank(ticket.sensitivity);
      // ISM-2: lowering is a security officer's act with a reason (runTicketAction also holds it to the links' levels).
      if (lowering) assertMayLowerSensitivity(ctx.actor, input.sensitivityReason);
      if (ticket.type === 'security') {
        // SEC-3: only the security officer reclassifies, never below what the incident's state or assets require (SEC-11).
        if (!ctx.actor.roles.includes('security_officer'))
          throw new AppError('ticket.action_not_allowed', 'sensitivity', { action: 'sensitivity' });
        const minimum = minimumSensitivity(ticket.type, ticket.status, ticket.details) ?? 'SENSITIVE';
        if (sensitivityRank(input.sensitivity) < sensitivityRank(minimum)) {
          const byAssets = minimumReason(ticket.details, minimum) === 'SEC-11';
          throw new AppError('validation.invalid', 'sensitivity', {
            field: 'sensitivity',
            level: minimum,
            detail: byAssets
              ? 'below_assets'
              : minimum === 'CRITICAL'
                ? 'security_critical_while_open'
                : 'security_min_sensitive',
          });
        }
      }
      const reason = lowering ? input.sensitivityReason?.trim() : undefined;
      patch.sensitivity = input.sensitivity;
      events.push({
        event: {
          kind: 'sensitivity_changed',
          data: { from: ticket.sensitivity, to: input.sensitivity, ...(reason ? { reason } : {}) },
        },
      });
      return { patch, events, sensitivityReason: reason, audit: reason ? { sensitivityReason: reason } : {} };
    }
    return { patch, events };
  });
}
