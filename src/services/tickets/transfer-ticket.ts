import { AppError } from '../../domain/errors.ts';
import { findDesk } from '../../store/directory.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface TransferInput {
  party: string;
  reason?: string | undefined;
  version?: number | undefined;
}

/**
 * PARTY-3: work crosses to another party only desk to desk. The ticket goes to that party's
 * service desk, which then assigns inside its own party; the party joins the participants.
 */
export function transferTicket(ctx: ServiceContext, idOrRef: string, input: TransferInput) {
  return runTicketAction(ctx, idOrRef, 'transfer', input.version, async (ticket, tx) => {
    if (input.party === ticket.holderParty)
      throw new AppError('validation.invalid', 'party', { field: 'party', detail: 'already_holder' });
    const desk = await findDesk(tx, input.party);
    if (!desk) throw new AppError('party.not_found', 'party');
    return {
      patch: {
        holderParty: desk.partyId,
        groupId: desk.id,
        assigneeId: null,
        participants: [...new Set([...ticket.participants, desk.partyId])],
      },
      events: [
        {
          event: {
            kind: 'transferred',
            data: {
              fromParty: ticket.holderParty,
              toParty: desk.partyId,
              groupId: desk.id,
              groupName: desk.name,
              ...(input.reason ? { reason: input.reason } : {}),
            },
          },
        },
      ],
      audit: { toParty: desk.partyId },
    };
  });
}
