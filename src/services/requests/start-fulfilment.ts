import type { RequestTask } from '../../domain/processes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, joined, withDetails } from '../write-path/details.ts';
import { existingParties, otherParty } from '../write-path/other-party.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

const task = (party: string): RequestTask => ({
  party,
  status: 'open',
  note: null,
  thirdParty: null,
  doneBy: null,
  doneAt: null,
});

/**
 * REQ-3: fulfilment by one party or both, each with its own task; the registering desk keeps
 * overall responsibility. A request whose type needs the other party's approval waits for it.
 */
export function startFulfilment(
  ctx: ServiceContext,
  idOrRef: string,
  input: { parties?: string[] | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'start_fulfilment', input.version, async (request, tx) => {
    const details = detailsOf(request, 'request');
    let parties: string[];
    if (input.parties && input.parties.length > 0) parties = await existingParties(tx, input.parties, 'parties');
    else {
      const other =
        details.fulfillers === 'owner' ? null : await otherParty(tx, request.ownerParty, details.approvals[0]?.party);
      parties =
        details.fulfillers === 'owner'
          ? [request.ownerParty]
          : details.fulfillers === 'other'
            ? [other!]
            : [request.ownerParty, other!];
    }
    return {
      patch: {
        participants: joined(request, parties),
        ...withDetails(request, 'request', { tasks: parties.map(task) }),
      },
      events: [{ event: { kind: 'tasks_started', data: { parties } } }],
    };
  });
}
