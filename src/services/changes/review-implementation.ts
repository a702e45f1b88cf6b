import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** CHG-4: the post-implementation review. */
export function reviewImplementation(
  ctx: ServiceContext,
  idOrRef: string,
  input: { outcome: 'successful' | 'partial' | 'failed'; notes: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'review_implementation', input.version, (change, _tx, now) => ({
    patch: withDetails(change, 'change', {
      pir: { outcome: input.outcome, notes: input.notes, by: ctx.actor.displayName, at: now.toISOString() },
    }),
    events: [{ event: { kind: 'implementation_reviewed', data: { outcome: input.outcome, notes: input.notes } } }],
  }));
}
