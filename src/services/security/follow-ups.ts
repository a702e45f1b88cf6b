import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { FollowUp } from '../../domain/security.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/**
 * SEC-6: a follow-up action (weakness to strengthen, procedure to improve, training need). An
 * exploitable weakness keeps the incident ETS CRITICAL until it is dealt with (SEC-3).
 */
export function addFollowUp(
  ctx: ServiceContext,
  idOrRef: string,
  input: {
    kind: FollowUp['kind'];
    description: string;
    exploitable?: boolean | undefined;
    version?: number | undefined;
  },
) {
  return runTicketAction(ctx, idOrRef, 'add_follow_up', input.version, (ticket) => {
    const followUp: FollowUp = {
      id: randomUUID(),
      kind: input.kind,
      description: input.description,
      exploitable: input.kind === 'weakness' && Boolean(input.exploitable),
      done: false,
      doneBy: null,
      doneAt: null,
      note: null,
    };
    return {
      patch: withDetails(ticket, 'security', {
        followUps: [...(detailsOf(ticket, 'security').followUps ?? []), followUp],
      }),
      events: [
        {
          event: {
            kind: 'follow_up_added' as const,
            data: {
              id: followUp.id,
              kind: followUp.kind,
              description: followUp.description,
              exploitable: followUp.exploitable,
            },
          },
        },
      ],
    };
  });
}

/** SEC-6: a follow-up tracked to completion. */
export function completeFollowUp(
  ctx: ServiceContext,
  idOrRef: string,
  input: { id: string; note?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'complete_follow_up', input.version, (ticket, _tx, now) => {
    const followUps = detailsOf(ticket, 'security').followUps ?? [];
    const target = followUps.find((f) => f.id === input.id && !f.done);
    if (!target) throw new AppError('validation.invalid', 'id', { field: 'id', detail: 'follow_up_unknown' });
    return {
      patch: withDetails(ticket, 'security', {
        followUps: followUps.map((f) =>
          f === target
            ? { ...f, done: true, doneBy: ctx.actor.displayName, doneAt: now.toISOString(), note: input.note ?? null }
            : f,
        ),
      }),
      events: [
        {
          event: {
            kind: 'follow_up_completed' as const,
            data: { id: target.id, kind: target.kind, ...(input.note ? { note: input.note } : {}) },
          },
        },
      ],
    };
  });
}
