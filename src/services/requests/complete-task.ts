import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** REQ-3: a fulfilling party reports its own task done; the last one makes the request fulfilled. */
export function completeTask(
  ctx: ServiceContext,
  idOrRef: string,
  input: { note?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'complete_task', input.version, (request, _tx, now) => {
    const tasks = detailsOf(request, 'request').tasks.map((t) =>
      t.party === ctx.actor.party && t.status === 'open'
        ? {
            ...t,
            status: 'done' as const,
            note: input.note ?? t.note,
            doneBy: ctx.actor.displayName,
            doneAt: now.toISOString(),
          }
        : t,
    );
    const done = tasks.every((t) => t.status === 'done');
    return {
      ...(done ? { status: 'fulfilled' } : {}),
      patch: withDetails(request, 'request', { tasks }),
      events: [
        {
          event: {
            kind: 'task_completed',
            data: { party: ctx.actor.party, ...(input.note ? { note: input.note } : {}) },
          },
        },
      ],
    };
  });
}
