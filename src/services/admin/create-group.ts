import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { insertGroup, renameGroup } from '../../store/admin.ts';
import type { Db } from '../../store/db.ts';
import { findGroup, listGroups } from '../../store/directory.ts';
import { writeAudit } from '../../store/ticket-writes.ts';

/** PARTY-1: a new resolver group or escalation body of the administrator's party (the desk exists already). */
export async function createGroup(
  db: Db,
  actor: Actor | null,
  partyId: string,
  input: { name: string; kind: 'resolver' | 'level' },
) {
  if (actor) assertAdministersParty(actor, partyId);
  return db.transaction(async (tx) => {
    const existing = await listGroups(tx, [partyId]);
    if (existing.some((g) => g.name.toLowerCase() === input.name.toLowerCase()))
      throw new AppError('group.exists', 'name');
    const group = await insertGroup(tx, { id: randomUUID(), partyId, name: input.name, kind: input.kind });
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      party: partyId,
      action: 'group.create',
      targetId: group.id,
      data: { name: group.name, kind: group.kind },
    });
    return group;
  });
}

/** Renames one of the party's groups (the desk included). */
export async function renamePartyGroup(db: Db, actor: Actor | null, partyId: string, groupId: string, name: string) {
  if (actor) assertAdministersParty(actor, partyId);
  return db.transaction(async (tx) => {
    const group = await findGroup(tx, groupId);
    if (!group || group.partyId !== partyId) throw new AppError('group.not_found', 'groupId');
    const others = await listGroups(tx, [partyId]);
    if (others.some((g) => g.id !== groupId && g.name.toLowerCase() === name.toLowerCase()))
      throw new AppError('group.exists', 'name');
    const renamed = await renameGroup(tx, groupId, name);
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      party: partyId,
      action: 'group.rename',
      targetId: groupId,
      data: { before: group.name, after: name },
    });
    return renamed;
  });
}
