import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

type Versioned = { version?: number | undefined };

/** CBM-5: the consulted party's answer. */
export function answerConsultation(ctx: ServiceContext, idOrRef: string, input: Versioned & { answer: string }) {
  return runTicketAction(ctx, idOrRef, 'answer', input.version, (ticket, _tx, now) => ({
    patch: withDetails(ticket, 'consultation', {
      answer: input.answer,
      answeredAt: now.toISOString(),
      answeredBy: ctx.actor.id,
    }),
    events: [{ event: { kind: 'consultation_answered', data: { party: ctx.actor.party, answer: input.answer } } }],
  }));
}
