import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { addGroupMember, groupMemberIds, lockPartyUser, removeGroupMember } from '../../store/admin.ts';
import type { Db } from '../../store/db.ts';
import { findGroup } from '../../store/directory.ts';
import { writeAudit } from '../../store/ticket-writes.ts';

/**
 * Adds or removes a member of one of the party's groups; both the group and the account must
 * belong to the administrator's party (another party's are not found). Returns the members.
 */
export async function changeGroupMembers(
  db: Db,
  actor: Actor | null,
  partyId: string,
  groupId: string,
  userId: string,
  change: 'add' | 'remove',
) {
  if (actor) assertAdministersParty(actor, partyId);
  return db.transaction(async (tx) => {
    const group = await findGroup(tx, groupId);
    if (!group || group.partyId !== partyId) throw new AppError('group.not_found', 'groupId');
    const user = await lockPartyUser(tx, partyId, userId);
    if (!user) throw new AppError('user.not_found', 'userId');
    if (change === 'add') await addGroupMember(tx, groupId, userId);
    else await removeGroupMember(tx, groupId, userId);
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      party: partyId,
      action: change === 'add' ? 'group.member_add' : 'group.member_remove',
      targetId: groupId,
      data: { group: group.name, username: user.username },
    });
    return { group, members: await groupMemberIds(tx, groupId) };
  });
}
