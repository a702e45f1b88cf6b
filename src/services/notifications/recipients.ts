import { RECIPIENTS, type NotificationKind, type RecipientRule } from '../../domain/notifications.ts';
import { userMaySee } from '../../policies/ticket-visibility.ts';
import type { Db } from '../../store/db.ts';
import { findDesk } from '../../store/directory.ts';
import { groupMemberIds, usersByIds, usersWithRole, type UserRow } from '../../store/notifications.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { rolesIn } from '../../domain/roles.ts';

async function desksMembers(db: Db, parties: string[]): Promise<string[]> {
  // In sequence here and below: `db` is the caller's transaction, one client running one query at a time.
  const desks = [];
  for (const party of parties) desks.push(await findDesk(db, party));
  return groupMemberIds(
    db,
    desks.flatMap((d) => (d ? [d.id] : [])),
  );
}

async function idsFor(
  db: Db,
  rule: RecipientRule,
  ticket: TicketRow,
  data: Record<string, unknown>,
): Promise<string[]> {
  switch (rule) {
    case 'creator':
      return ticket.createdBy ? [ticket.createdBy] : [];
    case 'assignee_or_group':
      if (ticket.assigneeId) return [ticket.assigneeId];
      return ticket.groupId ? groupMemberIds(db, [ticket.groupId]) : [];
    case 'holder_desk':
      return desksMembers(db, [ticket.holderParty]);
    case 'owner_desk':
      return desksMembers(db, [ticket.ownerParty]);
    case 'other_parties_desks':
      return desksMembers(
        db,
        ticket.participants.filter((p) => p !== ticket.ownerParty),
      );
    case 'level_managers':
      return (await usersWithRole(db, [ticket.holderParty], 'level_manager')).map((u) => u.id);
    case 'release_managers':
      return (await usersWithRole(db, ticket.participants, 'release_manager')).map((u) => u.id);
    case 'awaited_parties': {
      // Whoever may decide in each awaited party: the roles the gate asks for.
      const parties = (data.parties as string[] | undefined) ?? [];
      const roles = rolesIn(data.roles);
      const ids: string[] = [];
      for (const role of roles) ids.push(...(await usersWithRole(db, parties, role)).map((u) => u.id));
      return ids;
    }
  }
}

/**
 * Who receives a notification about a ticket: the kind's rules and the accounts the directory
 * names (`directory`, CBM-1), then only active users whose party is on the ticket and whose
 * clearance covers its sensitivity (ISM-4).
 */
export async function recipientsOf(
  db: Db,
  kind: NotificationKind,
  ticket: TicketRow,
  exclude: string | null,
  data: Record<string, unknown> = {},
  directory: string[] = [],
): Promise<UserRow[]> {
  const ids = new Set<string>(directory);
  for (const rule of RECIPIENTS[kind]) for (const id of await idsFor(db, rule, ticket, data)) ids.add(id);
  if (kind !== 'ticket_recorded' && exclude) ids.delete(exclude);
  const users = await usersByIds(db, [...ids]);
  return users.filter((u) => userMaySee(u, ticket));
}
