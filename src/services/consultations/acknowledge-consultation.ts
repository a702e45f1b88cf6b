import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

type Versioned = { version?: number | undefined };

/** CBM-5: the consulted party acknowledges the request (before its deadline or late, as it happens). */
export function acknowledgeConsultation(ctx: ServiceContext, idOrRef: string, input: Versioned) {
  return runTicketAction(ctx, idOrRef, 'acknowledge', input.version, (ticket, _tx, now) => ({
    patch: withDetails(ticket, 'consultation', { acknowledgedAt: now.toISOString(), acknowledgedBy: ctx.actor.id }),
    events: [{ event: { kind: 'consultation_acknowledged', data: { party: ctx.actor.party } } }],
  }));
}
