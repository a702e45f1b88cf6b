import { assertMayRecord } from '../../policies/recording.ts';
import type { Priority } from '../../domain/priority.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { recordInTransaction, type RecordedTicket, type TicketFieldsInput } from '../tickets/create-ticket.ts';

export interface CreateIncidentInput extends TicketFieldsInput {
  priority?: Priority | undefined;
  priorityReason?: string | undefined;
  reporter?: string | undefined;
  reporterEmail?: string | undefined;
}

/** INC-1: records an incident for the actor's party and issues its identifier. */
export async function createIncident(ctx: ServiceContext, input: CreateIncidentInput): Promise<TicketRow> {
  return (await recordIncident(ctx, input)).ticket;
}

/** createIncident, with what the first answer about the incident is built from (newTicketDetail). */
export async function recordIncident(ctx: ServiceContext, input: CreateIncidentInput): Promise<RecordedTicket> {
  const sensitivity = input.sensitivity ?? 'LIMITED';
  assertMayRecord(ctx.actor, 'incident', sensitivity);
  return recordInTransaction(
    ctx,
    { ...input, type: 'incident', sensitivity, channel: input.channel ?? ctx.channel ?? 'api' },
    nowOf(ctx),
  );
}
