import { assertMayRecord } from '../../policies/recording.ts';
import { AppError } from '../../domain/errors.ts';
import type { ChangeDetails, CHANGE_KINDS, CHANGE_ORIGINS } from '../../domain/processes.ts';
import { maxSensitivity } from '../../domain/sensitivity.ts';
import { findCatalogueItem } from '../../store/catalogue.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import { appendEvents } from '../write-path/record-events.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { insertNewTicket, type TicketFieldsInput } from '../tickets/create-ticket.ts';
import { linkToExisting } from '../tickets/link-new-ticket.ts';
import { authorOf, loadVisibleTicket } from '../write-path/ticket-action.ts';

export interface CreateChangeInput extends TicketFieldsInput {
  kind: (typeof CHANGE_KINDS)[number];
  origin: { kind: (typeof CHANGE_ORIGINS)[number]; ticket?: string | undefined; reference?: string | undefined };
  standardChange?: string | undefined;
}

const TICKET_ORIGINS = ['incident', 'problem', 'request'];

/** The ticket a change comes from (CHG-1), visible to the actor and of the kind its origin says. */
async function sourceOf(
  ctx: ServiceContext,
  tx: ServiceContext['db'],
  input: CreateChangeInput,
): Promise<TicketRow | null> {
  if (!input.origin.ticket) {
    if (TICKET_ORIGINS.includes(input.origin.kind))
      throw new AppError('validation.required', 'origin.ticket', { field: 'origin.ticket' });
    return null;
  }
  const source = await loadVisibleTicket(tx, ctx.actor, input.origin.ticket).catch(() => {
    throw new AppError('ticket.not_found', 'origin.ticket');
  });
  if (source.type !== input.origin.kind)
    throw new AppError('validation.invalid', 'origin.ticket', {
      field: 'origin.ticket',
      detail: 'one_of',
      values: input.origin.kind,
    });
  return source;
}

/**
 * CHG-1: an RFC linked to its origin. A standard change comes from the party's catalogue with
 * its pre-approved assessment and starts approved (CHG-3); the pre-approval is recorded.
 */
export async function createChange(ctx: ServiceContext, input: CreateChangeInput): Promise<TicketRow> {
  assertMayRecord(ctx.actor, 'change', input.sensitivity ?? 'LIMITED');
  if (input.kind === 'standard' && !input.standardChange)
    throw new AppError('validation.required', 'standardChange', { field: 'standardChange' });
  return ctx.db.transaction(async (tx) => {
    const now = nowOf(ctx);
    const source = await sourceOf(ctx, tx, input);
    const standard =
      input.kind === 'standard'
        ? await findCatalogueItem(tx, ctx.actor.party, 'standard_change', input.standardChange!)
        : null;
    if (input.kind === 'standard' && !standard)
      throw new AppError('validation.invalid', 'standardChange', {
        field: 'standardChange',
        detail: 'standard_unknown',
      });
    const sensitivity = maxSensitivity(input.sensitivity ?? 'LIMITED', source?.sensitivity ?? 'LIMITED');
    assertMayRecord(ctx.actor, 'change', sensitivity);
    const template = standard?.template ?? null;
    const details: ChangeDetails = {
      kind: input.kind,
      origin: { kind: input.origin.kind, ...(input.origin.reference ? { reference: input.origin.reference } : {}) },
      ...(standard ? { standardChange: standard.code } : {}),
      assessment: template
        ? {
            risk: template.risk ?? 'low',
            impactAnalysis: template.impactAnalysis ?? '',
            affectedServices: [input.service],
            plannedStart: '',
            plannedEnd: '',
            implementationPlan: template.implementationPlan ?? '',
            rollbackPlan: template.rollbackPlan ?? '',
            affectedParties: [ctx.actor.party],
          }
        : null,
      reviews: [],
      approvals: [],
      approvalLevel: null,
      appliedAt: null,
      releaseId: null,
      pir: null,
    };
    const events: PendingEvent[] = standard
      ? [{ event: { kind: 'pre_approved', data: { standardChange: standard.code } } }]
      : [];
    const change = await insertNewTicket(
      ctx,
      tx,
      {
        type: 'change',
        title: input.title,
        description: input.description,
        service: input.service,
        impact: input.impact,
        criticality: input.criticality,
        sensitivity,
        channel: input.channel ?? ctx.channel ?? 'api',
        participants: source?.participants ?? [],
        details,
        ...(standard ? { status: 'approved', events } : {}),
      },
      now,
    );
    if (source)
      await appendEvents(
        tx,
        change.id,
        authorOf(ctx),
        [await linkToExisting(ctx, tx, change, source, 'change_for', now)],
        now,
      );
    return change;
  });
}
