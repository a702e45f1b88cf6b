import { AppError } from '../../domain/errors.ts';
import type { Disagreement } from '../../domain/processes.ts';

import { findParty } from '../../store/directory.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/**
 * PARTY-4: when the desks disagree on how to handle a ticket, either records it; the ticket
 * rises one level, where a level manager decides. One disagreement at a time.
 */
export function recordDisagreement(
  ctx: ServiceContext,
  idOrRef: string,
  input: { reason: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'record_disagreement', input.version, async (ticket, tx, now) => {
    const open = ticket.details.disagreement;
    if (open && !open.decidedAt) throw new AppError('ticket.disagreement_open');
    const party = await findParty(tx, ticket.ownerParty);
    const next = (party?.escalationLevels ?? []).find((l) => l.level === ticket.escalationLevel + 1);
    if (!next)
      throw new AppError('validation.invalid', 'reason', {
        field: 'reason',
        detail: 'highest_level',
        level: ticket.escalationLevel,
      });
    const disagreement: Disagreement = {
      openedByParty: ctx.actor.party,
      openedBy: ctx.actor.displayName,
      reason: input.reason,
      level: next.level,
      openedAt: now.toISOString(),
    };
    return {
      patch: { escalationLevel: next.level, ...withDetails(ticket, ticket.type, { disagreement }) },
      events: [
        {
          event: {
            kind: 'disagreement_recorded',
            data: {
              reason: input.reason,
              fromLevel: ticket.escalationLevel,
              toLevel: next.level,
              levelName: next.name,
            },
          },
        },
      ],
    };
  });
}
