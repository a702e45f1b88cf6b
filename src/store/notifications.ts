import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { assetNotificationVisibleTo } from '../policies/asset-visibility.ts';
import { ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Actor } from '../domain/actor.ts';
import type { Db } from './db.ts';
import { groupMembers, notificationPrefs, notifications, tickets, users } from './schema/index.ts';
import type { Role } from '../domain/roles.ts';
import type { NotificationKind } from '../domain/notifications.ts';

export type UserRow = typeof users.$inferSelect;

export async function usersByIds(db: Db, ids: string[]): Promise<UserRow[]> {
  return ids.length === 0 ? [] : db.select().from(users).where(inArray(users.id, ids));
}

export async function groupMemberIds(db: Db, groupIds: string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await db
    .select({ id: groupMembers.userId })
    .from(groupMembers)
    .where(inArray(groupMembers.groupId, groupIds));
  return rows.map((r) => r.id);
}

/** Users of some parties holding a role. */
export async function usersWithRole(db: Db, partyIds: string[], role: Role): Promise<UserRow[]> {
  if (partyIds.length === 0) return [];
  const rows = await db
    .select()
    .from(users)
    .where(and(inArray(users.partyId, partyIds), eq(users.active, true)));
  return rows.filter((u) => u.roles.includes(role));
}

/** Preferences of some users for one kind (absent = both channels on). */
export async function prefsFor(db: Db, userIds: string[], kind: NotificationKind) {
  if (userIds.length === 0) return new Map<string, { inApp: boolean; email: boolean }>();
  const rows = await db
    .select()
    .from(notificationPrefs)
    .where(and(inArray(notificationPrefs.userId, userIds), eq(notificationPrefs.kind, kind)));
  return new Map(rows.map((r) => [r.userId, { inApp: r.inApp, email: r.email }]));
}

export async function insertNotifications(
  db: Db,
  rows: { userId: string; kind: NotificationKind; ticketId: string; params: Record<string, string> }[],
  now: Date,
) {
  if (rows.length === 0) return;
  await db.insert(notifications).values(rows.map((r) => ({ id: randomUUID(), ...r, createdAt: now })));
}

/**
 * The actor's notifications about tickets they can still see: a ticket reclassified above
 * their clearance, or no longer shared with their party, drops out of the list.
 */
export async function listOwnNotifications(db: Db, actor: Actor, limit: number) {
  // Notifications about no ticket (a certificate expiring, a review overdue) carry only what their recipient may read.
  const where = and(
    eq(notifications.userId, actor.id),
    or(and(isNull(notifications.ticketId), assetNotificationVisibleTo(actor)), ticketVisibleTo(actor)),
  );
  const [rows, [unread]] = await Promise.all([
    db
      .select({ n: notifications })
      .from(notifications)
      .leftJoin(tickets, eq(tickets.id, notifications.ticketId))
      .where(where)
      .orderBy(desc(notifications.createdAt))
      .limit(limit),
    db
      .select({ n: count() })
      .from(notifications)
      .leftJoin(tickets, eq(tickets.id, notifications.ticketId))
      .where(and(where, isNull(notifications.readAt))),
  ]);
  return { rows: rows.map((r) => r.n), unread: Number(unread?.n ?? 0) };
}

export async function markRead(db: Db, userId: string, ids: string[] | 'all', now: Date) {
  const scope =
    ids === 'all'
      ? eq(notifications.userId, userId)
      : and(eq(notifications.userId, userId), inArray(notifications.id, ids));
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(scope, isNull(notifications.readAt)));
}

export async function listPrefs(db: Db, userId: string) {
  return db.select().from(notificationPrefs).where(eq(notificationPrefs.userId, userId));
}

export async function upsertPref(db: Db, userId: string, kind: NotificationKind, inApp: boolean, email: boolean) {
  await db
    .insert(notificationPrefs)
    .values({ userId, kind, inApp, email })
    .onConflictDoUpdate({ target: [notificationPrefs.userId, notificationPrefs.kind], set: { inApp, email } });
}

/** In-app notifications about no ticket (an asset, a certificate); their params let the list re-check visibility. */
export async function insertTicketlessNotifications(
  db: Db,
  rows: { userId: string; kind: NotificationKind; params: Record<string, string> }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(notifications).values(
    rows.map((r) => ({
      id: randomUUID(),
      userId: r.userId,
      kind: r.kind,
      ticketId: null,
      params: r.params,
      createdAt: now,
    })),
  );
}
