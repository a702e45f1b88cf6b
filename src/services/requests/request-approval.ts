import { awaitApprovals } from '../../domain/approvals.ts';

import type { ServiceContext } from '../write-path/context.ts';
import { joined, withDetails } from '../write-path/details.ts';
import { otherParty } from '../write-path/other-party.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** REQ-2: the registering desk asks the other party's desk to approve (desk to desk, PARTY-3). */
export function requestApproval(
  ctx: ServiceContext,
  idOrRef: string,
  input: { party?: string | undefined; note?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'request_approval', input.version, async (request, tx) => {
    const party = await otherParty(tx, request.ownerParty, input.party);
    return {
      note: input.note,
      patch: {
        participants: joined(request, [party]),
        ...withDetails(request, 'request', { approvals: awaitApprovals([party]) }),
      },
      events: [
        { event: { kind: 'approval_requested', data: { gate: 'approver', parties: [party], roles: ['agent'] } } },
      ],
    };
  });
}
