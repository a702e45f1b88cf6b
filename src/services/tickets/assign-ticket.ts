import { AppError } from '../../domain/errors.ts';
import { findGroup, findUser, isGroupMember } from '../../store/directory.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface AssignInput {
  groupId: string;
  assigneeId?: string | undefined;
  version?: number | undefined;
}

/** PARTY-3: a task is always assigned inside one party — the party now holding the ticket. */
export function assignTicket(ctx: ServiceContext, idOrRef: string, input: AssignInput) {
  return runTicketAction(ctx, idOrRef, 'assign', input.version, async (ticket, tx) => {
    const group = await findGroup(tx, input.groupId);
    if (!group || group.partyId !== ticket.holderParty) throw new AppError('group.not_found', 'groupId');
    const assignee = input.assigneeId ? await findUser(tx, input.assigneeId) : null;
    if (input.assigneeId && (!assignee || !(await isGroupMember(tx, group.id, assignee.id)))) {
      throw new AppError('user.not_found', 'assigneeId');
    }
    return {
      patch: { groupId: group.id, assigneeId: assignee?.id ?? null },
      events: [
        {
          event: {
            kind: 'assigned',
            data: {
              party: group.partyId,
              groupId: group.id,
              groupName: group.name,
              assigneeId: assignee?.id ?? null,
              assigneeName: assignee?.displayName ?? null,
            },
          },
        },
      ],
    };
  });
}
