import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { Lang } from '../../domain/lang.ts';
import type { Db } from '../../store/db.ts';
import { findParty, findUserByName, listGroups } from '../../store/directory.ts';
import { groupMembers, users } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { hashPassword } from '../auth/secrets.ts';

export interface CreateUserInput {
  party: string;
  username: string;
  displayName: string;
  email?: string | undefined;
  password: string;
  roles: Role[];
  clearance: Sensitivity;
  language?: Lang | undefined;
  /** Group names within the party. */
  groups?: string[] | undefined;
}

/** Creates a local account with an argon2id password hash and its group memberships. */
export async function createUser(db: Db, input: CreateUserInput) {
  if (input.password.length < 10)
    throw new AppError('validation.invalid', 'password', { field: 'password', detail: 'password_length' });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (!(await findParty(tx, input.party))) throw new AppError('party.not_found', 'party');
    if (await findUserByName(tx, input.username)) throw new AppError('user.exists', 'username');
    const partyGroups = await listGroups(tx, [input.party]);
    const memberOf = (input.groups ?? []).map((name) => {
      const group = partyGroups.find((g) => g.name === name);
      if (!group) throw new AppError('group.not_found', 'groups');
      return group;
    });
    const id = randomUUID();
    const [user] = await tx
      .insert(users)
      .values({
        id,
        partyId: input.party,
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
        roles: input.roles,
        clearance: input.clearance,
        language: input.language ?? 'en',
      })
      .returning();
    if (memberOf.length > 0) await tx.insert(groupMembers).values(memberOf.map((g) => ({ groupId: g.id, userId: id })));
    await writeAudit(tx, {
      actorId: null,
      party: input.party,
      action: 'user.create',
      targetId: id,
      data: { username: input.username, roles: input.roles, clearance: input.clearance },
    });
    return user!;
  });
}
