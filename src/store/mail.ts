import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { mailboxes, mailMessages, mailOutgoing, mailQuarantine, tickets, users } from './schema/index.ts';

export type MailboxRow = typeof mailboxes.$inferSelect;
export type QuarantineRow = typeof mailQuarantine.$inferSelect;

export async function insertMailbox(db: Db, values: typeof mailboxes.$inferInsert): Promise<MailboxRow> {
  return (await db.insert(mailboxes).values(values).returning())[0]!;
}

export async function updateMailbox(db: Db, id: string, patch: Partial<typeof mailboxes.$inferInsert>) {
  return (await db.update(mailboxes).set(patch).where(eq(mailboxes.id, id)).returning())[0] ?? null;
}

export async function findMailbox(db: Db, id: string): Promise<MailboxRow | null> {
  return (await db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0] ?? null;
}

export async function findMailboxByName(db: Db, name: string): Promise<MailboxRow | null> {
  return (await db.select().from(mailboxes).where(eq(mailboxes.name, name)))[0] ?? null;
}

export function listMailboxes(db: Db, partyId?: string): Promise<MailboxRow[]> {
  return db
    .select()
    .from(mailboxes)
    .where(partyId ? eq(mailboxes.partyId, partyId) : undefined)
    .orderBy(asc(mailboxes.name));
}

/** The party's mailbox replies leave from: the first enabled one by name. */
export async function sendingMailbox(db: Db, partyId: string): Promise<MailboxRow | null> {
  return (
    (
      await db
        .select()
        .from(mailboxes)
        .where(and(eq(mailboxes.partyId, partyId), eq(mailboxes.enabled, true)))
        .orderBy(asc(mailboxes.name))
        .limit(1)
    )[0] ?? null
  );
}

/**
 * Claims one enabled mailbox whose lease is free (row lock, skip locked), for `leaseMs`: only
 * one node reads a mailbox at a time, and a crashed node's claim lapses.
 */
export async function claimMailbox(db: Db, holder: string, now: Date, leaseMs: number): Promise<MailboxRow | null> {
  return db.transaction(async (tx) => {
    const [free] = await tx
      .select({ id: mailboxes.id })
      .from(mailboxes)
      .where(and(eq(mailboxes.enabled, true), or(isNull(mailboxes.leaseUntil), lt(mailboxes.leaseUntil, now))))
      .orderBy(sql`${mailboxes.lastPolledAt} asc nulls first`)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!free) return null;
    const [claimed] = await tx
      .update(mailboxes)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs), leaseHolder: holder })
      .where(eq(mailboxes.id, free.id))
      .returning();
    return claimed ?? null;
  });
}

/** Extends a lease this holder still has; false when it was lost. */
export async function renewMailboxLease(db: Db, id: string, holder: string, until: Date): Promise<boolean> {
  const rows = await db
    .update(mailboxes)
    .set({ leaseUntil: until })
    .where(and(eq(mailboxes.id, id), eq(mailboxes.leaseHolder, holder)))
    .returning({ id: mailboxes.id });
  return rows.length > 0;
}

export async function releaseMailbox(db: Db, id: string, holder: string, now: Date, error: string | null) {
  await db
    .update(mailboxes)
    .set({ leaseUntil: null, leaseHolder: null, lastPolledAt: now, lastError: error })
    .where(and(eq(mailboxes.id, id), eq(mailboxes.leaseHolder, holder)));
}

export async function handledMessage(db: Db, mailboxId: string, messageId: string) {
  return (
    (
      await db
        .select()
        .from(mailMessages)
        .where(and(eq(mailMessages.mailboxId, mailboxId), eq(mailMessages.messageId, messageId)))
    )[0] ?? null
  );
}

export async function recordHandled(db: Db, values: typeof mailMessages.$inferInsert) {
  await db.insert(mailMessages).values(values);
}

export async function forgetQuarantined(db: Db, mailboxId: string, messageId: string) {
  await db
    .delete(mailMessages)
    .where(
      and(
        eq(mailMessages.mailboxId, mailboxId),
        eq(mailMessages.messageId, messageId),
        eq(mailMessages.outcome, 'quarantined'),
      ),
    );
}

/** New tickets a sender opened through this mailbox since `since`. */
export async function ticketsOpenedBy(db: Db, mailboxId: string, sender: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.mailboxId, mailboxId),
        eq(mailMessages.sender, sender),
        eq(mailMessages.outcome, 'ticket'),
        gte(mailMessages.processedAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** The ticket a message refers to through the Message-IDs it names: one the ticket sent, or one that reached it. */
export async function ticketOfMessageIds(db: Db, mailboxId: string, ids: string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const sent = await db
    .select({ ticketId: mailOutgoing.ticketId, messageId: mailOutgoing.messageId })
    .from(mailOutgoing)
    .where(inArray(mailOutgoing.messageId, ids));
  const received = await db
    .select({ ticketId: mailMessages.ticketId, messageId: mailMessages.messageId })
    .from(mailMessages)
    .where(and(eq(mailMessages.mailboxId, mailboxId), inArray(mailMessages.messageId, ids)));
  const byId = new Map<string, string>();
  for (const r of [...sent, ...received]) if (r.ticketId) byId.set(r.messageId, r.ticketId);
  for (const id of ids) if (byId.has(id)) return byId.get(id)!;
  return null;
}

export async function ticketByRef(db: Db, ref: string) {
  return (await db.select().from(tickets).where(eq(tickets.ref, ref)))[0] ?? null;
}

export async function ticketById(db: Db, id: string) {
  return (await db.select().from(tickets).where(eq(tickets.id, id)))[0] ?? null;
}

/** Active accounts with this e-mail address. */
export function usersByEmail(db: Db, email: string) {
  return db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, eq(users.active, true)));
}

export async function insertQuarantine(db: Db, values: typeof mailQuarantine.$inferInsert) {
  return (await db.insert(mailQuarantine).values(values).returning())[0]!;
}

export async function findQuarantine(db: Db, id: string): Promise<QuarantineRow | null> {
  return (await db.select().from(mailQuarantine).where(eq(mailQuarantine.id, id)))[0] ?? null;
}

export async function updateQuarantine(db: Db, id: string, patch: Partial<typeof mailQuarantine.$inferInsert>) {
  await db.update(mailQuarantine).set(patch).where(eq(mailQuarantine.id, id));
}

/** A party's quarantine, newest first, without the raw messages. */
export function listQuarantine(db: Db, partyId: string, status?: string) {
  return db
    .select({
      id: mailQuarantine.id,
      mailboxId: mailQuarantine.mailboxId,
      mailbox: mailboxes.name,
      messageId: mailQuarantine.messageId,
      sender: mailQuarantine.sender,
      subject: mailQuarantine.subject,
      reason: mailQuarantine.reason,
      detail: mailQuarantine.detail,
      size: sql<number>`length(${mailQuarantine.raw})::int`,
      status: mailQuarantine.status,
      decidedAt: mailQuarantine.decidedAt,
      createdAt: mailQuarantine.createdAt,
    })
    .from(mailQuarantine)
    .innerJoin(mailboxes, eq(mailboxes.id, mailQuarantine.mailboxId))
    .where(and(eq(mailQuarantine.partyId, partyId), status ? eq(mailQuarantine.status, status) : undefined))
    .orderBy(desc(mailQuarantine.createdAt))
    .limit(500);
}

export async function recordOutgoing(db: Db, values: typeof mailOutgoing.$inferInsert) {
  await db.insert(mailOutgoing).values(values).onConflictDoNothing();
}

/** Message-IDs of a ticket's mail, oldest first (for References), and the last one received (for In-Reply-To). */
export async function threadOf(db: Db, ticketId: string) {
  const received = await db
    .select({ id: mailMessages.messageId, at: mailMessages.processedAt, language: mailMessages.language })
    .from(mailMessages)
    .where(eq(mailMessages.ticketId, ticketId));
  const sent = await db
    .select({ id: mailOutgoing.messageId, at: mailOutgoing.sentAt })
    .from(mailOutgoing)
    .where(eq(mailOutgoing.ticketId, ticketId));
  const all = [...received, ...sent].sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastReceived = [...received].sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  const language = [...received].sort((a, b) => b.at.getTime() - a.at.getTime()).find((r) => r.language)?.language;
  return { references: all.map((r) => r.id), inReplyTo: lastReceived?.id ?? all.at(-1)?.id, language };
}
