import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db.ts';
import { builtOnce } from './prepared.ts';
import { calendars, groupMembers, groups, parties, users, webhookSubscriptions } from './schema/index.ts';
import { slaVersionColumns } from './sla.ts';
import type { WebhookAudience } from './webhooks.ts';

export type PartyRow = typeof parties.$inferSelect;
export type GroupRow = typeof groups.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export async function findParty(db: Db, id: string): Promise<PartyRow | null> {
  const rows = await db.select().from(parties).where(eq(parties.id, id));
  return rows[0] ?? null;
}

export async function listParties(db: Db): Promise<PartyRow[]> {
  return db.select().from(parties).orderBy(asc(parties.id));
}

export async function listGroups(db: Db, partyIds?: string[]): Promise<GroupRow[]> {
  const query = db.select().from(groups);
  const rows = partyIds ? await query.where(inArray(groups.partyId, partyIds)) : await query;
  return rows.sort((a, b) => a.partyId.localeCompare(b.partyId) || a.name.localeCompare(b.name));
}

export async function findGroup(db: Db, id: string): Promise<GroupRow | null> {
  const rows = await db.select().from(groups).where(eq(groups.id, id));
  return rows[0] ?? null;
}

/** The service desk of a party (PARTY-1: exactly one per party). */
export async function findDesk(db: Db, partyId: string): Promise<GroupRow | null> {
  const rows = await db
    .select()
    .from(groups)
    .where(and(eq(groups.partyId, partyId), eq(groups.kind, 'desk')));
  return rows[0] ?? null;
}

export async function findUserByName(db: Db, username: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.username, username));
  return rows[0] ?? null;
}

export async function findUser(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0] ?? null;
}

/** Active users of a party with the groups they belong to. */
export async function listPartyUsers(db: Db, partyId: string) {
  return usersWithGroups(db, and(eq(users.partyId, partyId), eq(users.active, true)), asc(users.displayName));
}

/** The users `where` selects, in `order`, each once with the ids of the groups it belongs to. */
export async function usersWithGroups(db: Db, where: SQL | undefined, order: SQL) {
  const rows = await db
    .select({ user: users, groupId: groupMembers.groupId })
    .from(users)
    .leftJoin(groupMembers, eq(groupMembers.userId, users.id))
    .where(where)
    .orderBy(order);
  const byId = new Map<string, { user: UserRow; groupIds: string[] }>();
  for (const { user, groupId } of rows) {
    const entry = byId.get(user.id) ?? { user, groupIds: [] };
    if (groupId) entry.groupIds.push(groupId);
    byId.set(user.id, entry);
  }
  return [...byId.values()];
}

export async function isGroupMember(db: Db, groupId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  return rows.length > 0;
}

/**
 * What recording a ticket reads before writing it, in one round trip: the owning party's matrix,
 * desk (and its name) and time zone, the party's SLA version (store/sla.ts), and the webhook
 * subscriptions of the ticket's parties (IF-2, store/webhooks.ts), paused ones included.
 */
export async function creationDefaults(db: Db, partyId: string, participants: readonly string[]) {
  const values: Record<string, unknown> = { party: partyId };
  participants.forEach((p, i) => (values[`p${i}`] = p));
  const rows = await readCreationDefaults(db, participants.length, values);
  const row = rows[0];
  return {
    priorityMatrix: row?.priorityMatrix ?? null,
    deskId: row?.deskId ?? null,
    deskName: row?.deskName ?? null,
    timeZone: row?.timeZone ?? null,
    slaVersion: row ? { stamp: row.slaStamp, xmin: row.slaXmin } : null,
    subscriptions: row?.subscriptions ?? [],
  };
}

export type CreationDefaults = Awaited<ReturnType<typeof creationDefaults>>;

/** creationDefaults' statement, built once per number of parties (it runs in the creation's transaction). */
const readCreationDefaults = builtOnce(
  (count: number) => String(count),
  (db, count: number) => {
    const names = Array.from({ length: count }, (_, i) => sql.placeholder(`p${i}`));
    const subscriptions = sql<WebhookAudience['subscriptions'] | null>`(select json_agg(json_build_object(
      'id', s.id, 'partyId', s.party_id, 'clearance', s.clearance, 'eventKinds', s.event_kinds) order by s.id)
    from ${webhookSubscriptions} s where s.party_id in (${sql.join(names, sql`, `)}))`;
    return db
      .select({
        priorityMatrix: parties.priorityMatrix,
        deskId: groups.id,
        deskName: groups.name,
        timeZone: calendars.timeZone,
        ...slaVersionColumns,
        subscriptions,
      })
      .from(parties)
      .leftJoin(groups, and(eq(groups.partyId, parties.id), eq(groups.kind, 'desk')))
      .leftJoin(calendars, eq(calendars.partyId, parties.id))
      .where(eq(parties.id, sql.placeholder('party')))
      .limit(1);
  },
);
