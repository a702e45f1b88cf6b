import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** REQ-4: the final check failed: every task is open again. */
export function rejectFulfilment(
  ctx: ServiceContext,
  idOrRef: string,
  input: { reason: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'reject_fulfilment', input.version, (request) => ({
    note: input.reason,
    patch: withDetails(request, 'request', {
      tasks: detailsOf(request, 'request').tasks.map((t) => ({
        ...t,
        status: 'open' as const,
        doneBy: null,
        doneAt: null,
      })),
    }),
  }));
}
