import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

type Versioned = { version?: number | undefined };

/** CBM-5: the requesting party records the outcome; the consultation is concluded. */
export function recordConsultationOutcome(
  ctx: ServiceContext,
  idOrRef: string,
  input: Versioned & { outcome: string },
) {
  return runTicketAction(ctx, idOrRef, 'record_outcome', input.version, (ticket, _tx, now) => ({
    patch: {
      ...withDetails(ticket, 'consultation', { outcome: input.outcome, outcomeAt: now.toISOString() }),
      closedAt: now,
    },
    events: [{ event: { kind: 'consultation_outcome', data: { outcome: input.outcome } } }],
  }));
}
