import type { Sensitivity } from '../../domain/sensitivity.ts';
import { assertMayRecord } from '../../policies/recording.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { insertNewTicket, type TicketFieldsInput } from '../tickets/create-ticket.ts';

/** SEC-1: a security incident recorded directly, at least ETS SENSITIVE and owned at level 3 (SEC-2, SEC-3). */
export async function createSecurityIncident(ctx: ServiceContext, input: TicketFieldsInput): Promise<TicketRow> {
  const sensitivity: Sensitivity = input.sensitivity === 'CRITICAL' ? 'CRITICAL' : 'SENSITIVE';
  assertMayRecord(ctx.actor, 'security', sensitivity);
  return ctx.db.transaction((tx) =>
    insertNewTicket(
      ctx,
      tx,
      { ...input, type: 'security', sensitivity, channel: input.channel ?? ctx.channel ?? 'api', escalationLevel: 3 },
      nowOf(ctx),
    ),
  );
}
