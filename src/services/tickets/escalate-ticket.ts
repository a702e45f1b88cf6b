import { AppError } from '../../domain/errors.ts';

import { findGroup, findParty } from '../../store/directory.ts';
import { escalationContact } from '../contacts/escalation-contact.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export type EscalateInput =
  | { mode: 'functional'; groupId: string; reason: string; version?: number | undefined }
  | { mode: 'hierarchical'; reason: string; version?: number | undefined };

/**
 * PARTY-4: functional escalation hands the ticket to another group of the holding party
 * (to the other party, use a transfer); hierarchical escalation raises it one level.
 */
export function escalateTicket(ctx: ServiceContext, idOrRef: string, input: EscalateInput) {
  return runTicketAction(ctx, idOrRef, 'escalate', input.version, async (ticket, tx, now) => {
    const level = ticket.escalationLevel;
    if (input.mode === 'functional') {
      const group = await findGroup(tx, input.groupId);
      if (!group || group.partyId !== ticket.holderParty) throw new AppError('group.not_found', 'groupId');
      return {
        patch: { groupId: group.id, assigneeId: null },
        events: [
          {
            event: {
              kind: 'escalated',
              data: {
                mode: 'functional',
                fromLevel: level,
                toLevel: level,
                groupName: group.name,
                reason: input.reason,
              },
            },
          },
        ],
      };
    }
    const party = await findParty(tx, ticket.holderParty);
    const levels = party?.escalationLevels ?? [];
    const next = levels.find((l) => l.level === level + 1);
    if (!next) throw new AppError('validation.invalid', 'mode', { field: 'mode', detail: 'highest_level', level });
    // CBM-1: the holding party's directory names who answers at the new level.
    const contact = await escalationContact(tx, ticket.holderParty, next.level, ticket.sensitivity, now);
    return {
      patch: { escalationLevel: next.level },
      events: [
        {
          event: {
            kind: 'escalated',
            data: {
              mode: 'hierarchical',
              fromLevel: level,
              toLevel: next.level,
              levelName: next.name,
              reason: input.reason,
              ...(contact ? { contact } : {}),
            },
          },
        },
      ],
    };
  });
}
