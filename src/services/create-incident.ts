import { AppError } from '../domain/errors.ts';
import type { Criticality, Impact, Priority } from '../domain/priority.ts';
import { clearanceCovers, type Sensitivity } from '../domain/sensitivity.ts';
import type { TicketRow } from '../store/ticket-reads.ts';
import { nowOf, type ServiceContext } from './context.ts';
import { insertNewTicket } from './create-ticket.ts';

export interface CreateIncidentInput {
  title: string;
  description?: string | undefined;
  service: string;
  impact: Impact;
  criticality: Criticality;
  sensitivity?: Sensitivity | undefined;
  priority?: Priority | undefined;
  priorityReason?: string | undefined;
  reporter?: string | undefined;
  reporterEmail?: string | undefined;
  channel?: 'console' | 'api' | 'phone' | 'email' | undefined;
}

const RECORDERS = ['agent', 'resolver', 'requester'];

/** INC-1: records an incident for the actor's party and issues its identifier. */
export async function createIncident(ctx: ServiceContext, input: CreateIncidentInput): Promise<TicketRow> {
  if (!ctx.actor.roles.some((role) => RECORDERS.includes(role))) throw new AppError('auth.forbidden');
  const sensitivity = input.sensitivity ?? 'LIMITED';
  if (!clearanceCovers(ctx.actor.clearance, sensitivity)) throw new AppError('ticket.sensitivity_too_high', 'sensitivity');
  return ctx.db.transaction((tx) =>
    insertNewTicket(
      ctx,
      tx,
      { ...input, type: 'incident', sensitivity, channel: input.channel ?? ctx.channel ?? 'api' },
      nowOf(ctx),
    ),
  );
}
