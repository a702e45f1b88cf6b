import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/**
 * PARTY-3 / REQ-3: work goes to a third party (a supplier) only through the desk of the party
 * whose task it is; the lifecycle lets no one else forward it.
 */
export function forwardTask(
  ctx: ServiceContext,
  idOrRef: string,
  input: { thirdParty: string; note?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'forward_task', input.version, (request) => {
    const tasks = detailsOf(request, 'request').tasks.map((t) =>
      t.party === ctx.actor.party && t.status === 'open'
        ? { ...t, thirdParty: input.thirdParty, note: input.note ?? t.note }
        : t,
    );
    return {
      patch: withDetails(request, 'request', { tasks }),
      events: [
        {
          event: {
            kind: 'task_forwarded',
            data: { party: ctx.actor.party, thirdParty: input.thirdParty, ...(input.note ? { note: input.note } : {}) },
          },
        },
      ],
    };
  });
}
