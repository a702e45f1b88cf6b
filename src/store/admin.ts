import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { PartyContacts } from '../domain/admin.ts';
import type { Db } from './db.ts';
import { accountLinks, groupMembers, groups, oidcLogins, parties, partySso, users } from './schema/index.ts';
import { usersWithGroups, type UserRow } from './directory.ts';

export type AccountLinkRow = typeof accountLinks.$inferSelect;
export type PartySsoRow = typeof partySso.$inferSelect;

/** Every account of a party, active or not, with the groups it belongs to. */
export async function listPartyAccounts(db: Db, partyId: string) {
  return usersWithGroups(db, eq(users.partyId, partyId), asc(users.username));
}

/** The account, locked for the change, only when it belongs to `partyId`. */
export async function lockPartyUser(db: Db, partyId: string, userId: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.partyId, partyId)))
    .for('update');
  return rows[0] ?? null;
}

export async function updateUser(db: Db, userId: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const rows = await db.update(users).set(patch).where(eq(users.id, userId)).returning();
  return rows[0]!;
}

export async function groupIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, userId));
  return rows.map((r) => r.id);
}

export async function insertAccountLink(db: Db, values: typeof accountLinks.$inferInsert) {
  await db.insert(accountLinks).values(values);
}

/** Ends every link of the account not yet used (a new one replaces them). */
export async function retireAccountLinks(db: Db, userId: string, now: Date) {
  await db
    .update(accountLinks)
    .set({ usedAt: now })
    .where(and(eq(accountLinks.userId, userId), isNull(accountLinks.usedAt)));
}

export async function findAccountLink(db: Db, tokenHash: string, lock = false): Promise<AccountLinkRow | null> {
  const query = db.select().from(accountLinks).where(eq(accountLinks.tokenHash, tokenHash));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function markAccountLinkUsed(db: Db, id: string, now: Date) {
  await db.update(accountLinks).set({ usedAt: now }).where(eq(accountLinks.id, id));
}

export async function readContacts(db: Db, partyId: string): Promise<PartyContacts | null | undefined> {
  const rows = await db.select({ contacts: parties.contacts }).from(parties).where(eq(parties.id, partyId));
  return rows.length === 0 ? undefined : rows[0]!.contacts;
}

export async function writeContacts(db: Db, partyId: string, contacts: PartyContacts) {
  await db.update(parties).set({ contacts }).where(eq(parties.id, partyId));
}

export async function insertGroup(db: Db, values: typeof groups.$inferInsert) {
  const rows = await db.insert(groups).values(values).returning();
  return rows[0]!;
}

export async function renameGroup(db: Db, id: string, name: string) {
  const rows = await db.update(groups).set({ name }).where(eq(groups.id, id)).returning();
  return rows[0]!;
}

export async function groupMemberIds(db: Db, groupId: string): Promise<string[]> {
  const rows = await db.select({ id: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
  return rows.map((r) => r.id);
}

export async function addGroupMember(db: Db, groupId: string, userId: string) {
  await db.insert(groupMembers).values({ groupId, userId }).onConflictDoNothing();
}

export async function removeGroupMember(db: Db, groupId: string, userId: string) {
  await db.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
}

export async function findPartySso(db: Db, partyId: string): Promise<PartySsoRow | null> {
  const rows = await db.select().from(partySso).where(eq(partySso.partyId, partyId));
  return rows[0] ?? null;
}

export async function upsertPartySso(db: Db, values: typeof partySso.$inferInsert): Promise<PartySsoRow> {
  const { partyId: _, ...set } = values;
  const rows = await db
    .insert(partySso)
    .values(values)
    .onConflictDoUpdate({ target: partySso.partyId, set })
    .returning();
  return rows[0]!;
}

/** Parties whose single sign-on is on, for the sign-in page (no secrets). */
export async function listSsoParties(db: Db) {
  return db
    .select({ partyId: partySso.partyId, name: parties.name })
    .from(partySso)
    .innerJoin(parties, eq(parties.id, partySso.partyId))
    .where(eq(partySso.enabled, true))
    .orderBy(asc(partySso.partyId));
}

export async function insertOidcLogin(db: Db, values: typeof oidcLogins.$inferInsert) {
  await db.insert(oidcLogins).values(values);
}

/** Takes a sign-in under way (good once): deleted as it is read; expired ones are swept at the same time. */
export async function takeOidcLogin(db: Db, stateHash: string, now: Date) {
  await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
  const rows = await db.delete(oidcLogins).where(eq(oidcLogins.stateHash, stateHash)).returning();
  return rows[0] ?? null;
}

export async function findUserByOidc(db: Db, issuer: string, subject: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
  return rows[0] ?? null;
}

/** The party's accounts with this e-mail address (case-insensitive). */
export async function findPartyUsersByEmail(db: Db, partyId: string, email: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.partyId, partyId), sql`lower(${users.email}) = lower(${email})`));
}
