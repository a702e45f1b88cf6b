import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { spinOffTicket, type SpinOffInput } from '../tickets/spin-off-ticket.ts';

/** TKT-3: a closed incident is never reopened; its recurrence is a new incident linked to it. */
export async function recordRecurrence(
  ctx: ServiceContext,
  idOrRef: string,
  input: SpinOffInput,
): Promise<{ source: TicketRow; created: TicketRow }> {
  return spinOffTicket(ctx, idOrRef, 'record_recurrence', input, 'recurrence_of', (old) => ({
    type: 'incident',
    sensitivity: old.sensitivity,
  }));
}
