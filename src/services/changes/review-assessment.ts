import { recordDecision } from '../tickets/approve-ticket.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';
import { askCab } from './submit-change.ts';

/**
 * CHG-2: each other affected party reviews the assessment and plan. All agreeing sends the
 * change to the CAB; one disagreeing sends it back to the registering party, with its comment.
 */
export function reviewAssessment(
  ctx: ServiceContext,
  idOrRef: string,
  input: { agree: boolean; comment: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'review_assessment', input.version, (change, _tx, now) => {
    const details = detailsOf(change, 'change');
    const { approvals: reviews, complete } = recordDecision(
      ctx.actor,
      details.reviews,
      input.agree ? 'agreed' : 'disagreed',
      now,
      input.comment,
    );
    const event = {
      event: {
        kind: 'approval_given' as const,
        data: {
          gate: 'reviewer' as const,
          party: ctx.actor.party,
          decision: input.agree ? 'agreed' : 'disagreed',
          note: input.comment,
        },
      },
    };
    if (!input.agree) {
      // Back to the registering party; the reviews start again on the next submission.
      return {
        status: 'assessed',
        note: input.comment,
        patch: withDetails(change, 'change', { reviews: reviews.filter((r) => r.decision !== null) }),
        events: [event],
      };
    }
    if (!complete) return { patch: withDetails(change, 'change', { reviews }), events: [event] };
    const cab = askCab(change, { ...details, reviews });
    return { ...cab, events: [event, ...(cab.events ?? [])] };
  });
}
