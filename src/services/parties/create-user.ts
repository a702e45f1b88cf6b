import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { assertMayGrant } from '../../domain/admin.ts';
import { AppError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { Lang } from '../../domain/lang.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
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
  /** None: the account gets no password (an invitation sets it, or single sign-on is used). */
  password?: string | undefined;
  roles: Role[];
  clearance: Sensitivity;
  language?: Lang | undefined;
  /** Group names within the party. */
  groups?: string[] | undefined;
  /** ISM-6: the `tool_access` request the account is made for. */
  accessRequestId?: string | undefined;
  /** IF-4: the provider identity the account is created for. */
  oidc?: { issuer: string; subject: string } | undefined;
}

export const MIN_PASSWORD_LENGTH = 10;

export function assertPasswordLength(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError('validation.invalid', field, { field, detail: 'password_length' });
}

/**
 * Creates a local account with an argon2id password hash and its group memberships. `granter`:
 * the party administrator creating it (their own party only, roles and clearance they may
 * grant); null for the host's CLI (the bootstrap path) and single sign-on's mapping.
 */
export async function createUser(db: Db, input: CreateUserInput, granter: Actor | null = null) {
  if (input.password !== undefined) assertPasswordLength(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return db.transaction((tx) => insertUser(tx, input, passwordHash, granter));
}

/** The write of `createUser`, inside the caller's transaction. */
export async function insertUser(tx: Db, input: CreateUserInput, passwordHash: string | null, granter: Actor | null) {
  if (granter) {
    assertAdministersParty(granter, input.party);
    assertMayGrant(granter, { roles: [], clearance: null }, { roles: input.roles, clearance: input.clearance });
  }
  if (!(await findParty(tx, input.party))) throw new AppError('party.not_found', 'party');
  if (await findUserByName(tx, input.username)) throw new AppError('user.exists', 'username');
  const partyGroups = await listGroups(tx, [input.party]);
  const memberOf = (input.groups ?? []).map((name) => {
    const group = partyGroups.find((g) => g.name === name || g.id === name);
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
      roles: [...new Set(input.roles)],
      clearance: input.clearance,
      language: input.language ?? 'en',
      accessRequestId: input.accessRequestId ?? null,
      oidcIssuer: input.oidc?.issuer ?? null,
      oidcSubject: input.oidc?.subject ?? null,
    })
    .returning();
  if (memberOf.length > 0) await tx.insert(groupMembers).values(memberOf.map((g) => ({ groupId: g.id, userId: id })));
  await writeAudit(tx, {
    actorId: granter?.id ?? null,
    party: input.party,
    action: 'user.create',
    targetId: id,
    data: {
      username: input.username,
      roles: input.roles,
      clearance: input.clearance,
      ...(input.accessRequestId ? { accessRequestId: input.accessRequestId } : {}),
      ...(input.oidc ? { oidcIssuer: input.oidc.issuer } : {}),
      groups: memberOf.map((g) => g.name),
    },
  });
  return user!;
}
