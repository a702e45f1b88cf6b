import { AppError } from '../../domain/errors.ts';
import type { Disagreement } from '../../domain/processes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** PARTY-4: the level the disagreement rose to decides; the decision is recorded for both desks. */
export function decideDisagreement(
  ctx: ServiceContext,
  idOrRef: string,
  input: { decision: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'decide_disagreement', input.version, (ticket, _tx, now) => {
    const open = ticket.details.disagreement;
    if (!open || open.decidedAt) throw new AppError('ticket.no_disagreement');
    const disagreement: Disagreement = {
      ...open,
      decision: input.decision,
      decidedBy: ctx.actor.displayName,
      decidedAt: now.toISOString(),
    };
    return {
      patch: withDetails(ticket, ticket.type, { disagreement }),
      events: [{ event: { kind: 'disagreement_decided', data: { decision: input.decision, level: open.level } } }],
    };
  });
}
