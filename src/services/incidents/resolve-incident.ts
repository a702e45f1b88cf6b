import { findDesk } from '../../store/directory.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** INC-5: once resolved, the incident returns to the registering desk for verification. */
export function resolveIncident(
  ctx: ServiceContext,
  idOrRef: string,
  input: { resolution: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'resolve', input.version, async (ticket, tx, now) => {
    const desk = await findDesk(tx, ticket.ownerParty);
    return {
      patch: {
        resolution: input.resolution,
        resolvedAt: now,
        holderParty: ticket.ownerParty,
        groupId: desk?.id ?? null,
        assigneeId: null,
      },
      events: [{ event: { kind: 'resolved', data: { resolution: input.resolution } } }],
    };
  });
}
