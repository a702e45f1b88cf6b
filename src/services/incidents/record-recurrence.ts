import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { insertNewTicket } from '../tickets/create-ticket.ts';
import { linkNewTicket } from '../tickets/link-new-ticket.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface RecurrenceInput {
  title?: string | undefined;
  description?: string | undefined;
  version?: number | undefined;
}

/** TKT-3: a closed incident is never reopened; its recurrence is a new incident linked to it. */
export async function recordRecurrence(
  ctx: ServiceContext,
  idOrRef: string,
  input: RecurrenceInput,
): Promise<{ source: TicketRow; created: TicketRow }> {
  let created: TicketRow | undefined;
  const source = await runTicketAction(ctx, idOrRef, 'record_recurrence', input.version, async (old, tx, now) => {
    created = await insertNewTicket(
      ctx,
      tx,
      {
        type: 'incident',
        title: input.title ?? old.title,
        description: input.description ?? old.description,
        service: old.service,
        impact: old.impact,
        criticality: old.criticality,
        sensitivity: old.sensitivity,
        channel: ctx.channel ?? 'api',
      },
      now,
    );
    return {
      events: [await linkNewTicket(ctx, tx, created, old, 'recurrence_of', now)],
      audit: { created: created.ref },
    };
  });
  return { source, created: created! };
}
