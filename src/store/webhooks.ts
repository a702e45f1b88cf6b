import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { clearanceCovers } from '../domain/sensitivity.ts';
import { ticketVisibleTo } from '../policies/ticket-visibility.ts';
import type { Db } from './db.ts';
import type { TicketRow } from './ticket-reads.ts';
import { tickets, webhookAttempts, webhookDeliveries, webhookSubscriptions } from './schema/index.ts';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

interface EventRowLike {
  id: string;
  ticketId: string;
  kind: string;
  visibility: string;
  party: string;
  createdAt: Date;
}

/** What queueing deliveries needs of a ticket's subscriptions. */
export interface WebhookAudience {
  /** The subscriptions of the ticket's parties, paused ones included. */
  subscriptions: Pick<SubscriptionRow, 'id' | 'partyId' | 'clearance' | 'eventKinds'>[];
  sensitivity: TicketRow['sensitivity'];
  team: TicketRow['team'];
}

/** The subscriptions of a ticket's parties and the ticket's level and team (one query). */
async function audienceOf(tx: Db, ticketId: string): Promise<WebhookAudience> {
  const subs = await tx
    .select({ sub: webhookSubscriptions, sensitivity: tickets.sensitivity, team: tickets.team })
    .from(webhookSubscriptions)
    .innerJoin(tickets, eq(tickets.id, ticketId))
    .where(sql`${webhookSubscriptions.partyId} = any(${tickets.participants})`);
  // Without subscriptions nothing is delivered: the level and team are not needed.
  return {
    subscriptions: subs.map((s) => s.sub),
    sensitivity: subs[0]?.sensitivity ?? 'LIMITED',
    team: subs[0]?.team ?? null,
  };
}

/**
 * IF-2 outbox: in the transaction that writes ticket events, one delivery per event and
 * subscription that may receive it — a subscription of a party on the ticket, whose clearance
 * covers the ticket's level, on a ticket not restricted to a team, for a shared event or an
 * internal one of its own party, of a kind it asked for. Paused subscriptions keep queueing.
 * `audience`: the ticket's subscriptions, level and team when the caller read them in the same
 * transaction (a ticket being recorded); otherwise they are read here.
 */
export async function queueWebhookDeliveries(tx: Db, rows: EventRowLike[], audience?: WebhookAudience): Promise<void> {
  if (rows.length === 0) return;
  const ticketId = rows[0]!.ticketId;
  const { subscriptions, sensitivity, team } = audience ?? (await audienceOf(tx, ticketId));
  const values = subscriptions.flatMap((sub) =>
    team !== null || !clearanceCovers(sub.clearance, sensitivity)
      ? []
      : rows
          .filter((r) => r.visibility === 'shared' || r.party === sub.partyId)
          .filter((r) => sub.eventKinds.length === 0 || sub.eventKinds.includes(r.kind))
          .map((r) => ({
            id: randomUUID(),
            subscriptionId: sub.id,
            ticketId,
            eventId: r.id,
            eventKind: r.kind,
            nextAttemptAt: r.createdAt,
            createdAt: r.createdAt,
          })),
  );
  if (values.length > 0) await tx.insert(webhookDeliveries).values(values);
}

/**
 * Claims the next due delivery that heads its (subscription, ticket) line — an earlier one still
 * pending holds the later ones back, so a ticket's events arrive in order — by pushing its time
 * a lease ahead (another node skips the locked row; a crashed worker's delivery comes back).
 */
export async function claimDueDelivery(db: Db, now: Date, leaseMs: number) {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(
        and(
          eq(webhookDeliveries.status, 'pending'),
          lte(webhookDeliveries.nextAttemptAt, now),
          eq(webhookSubscriptions.status, 'active'),
          sql`not exists (select 1 from webhook_deliveries e where e.subscription_id = ${webhookDeliveries.subscriptionId}
                and e.ticket_id = ${webhookDeliveries.ticketId} and e.status = 'pending' and e.seq < ${webhookDeliveries.seq})`,
        ),
      )
      .orderBy(asc(webhookDeliveries.seq))
      .limit(1)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (!due) return null;
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${webhookDeliveries.attempts} + 1` })
      .where(eq(webhookDeliveries.id, due.id))
      .returning();
    return row!;
  });
}

export async function insertSubscription(db: Db, row: typeof webhookSubscriptions.$inferInsert) {
  const [inserted] = await db.insert(webhookSubscriptions).values(row).returning();
  return inserted!;
}

export async function findSubscription(db: Db, partyId: string, id: string): Promise<SubscriptionRow | null> {
  const [row] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.partyId, partyId)));
  return row ?? null;
}

export async function subscriptionById(db: Db, id: string): Promise<SubscriptionRow | null> {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return row ?? null;
}

export async function listSubscriptions(db: Db, partyId: string): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.partyId, partyId))
    .orderBy(asc(webhookSubscriptions.createdAt));
}

export async function updateSubscription(db: Db, id: string, patch: Partial<typeof webhookSubscriptions.$inferInsert>) {
  const [row] = await db.update(webhookSubscriptions).set(patch).where(eq(webhookSubscriptions.id, id)).returning();
  return row!;
}

export async function updateDelivery(db: Db, id: string, patch: Partial<typeof webhookDeliveries.$inferInsert>) {
  const [row] = await db.update(webhookDeliveries).set(patch).where(eq(webhookDeliveries.id, id)).returning();
  return row!;
}

export async function insertAttempt(db: Db, row: Omit<typeof webhookAttempts.$inferInsert, 'id'>) {
  await db.insert(webhookAttempts).values({ id: randomUUID(), ...row });
}

/** A subscription's latest deliveries about tickets the reader may see, with the ticket reference, newest first. */
export async function listDeliveries(db: Db, reader: Actor, subscriptionId: string, limit: number) {
  return db
    .select({ delivery: webhookDeliveries, ref: tickets.ref })
    .from(webhookDeliveries)
    .innerJoin(tickets, eq(tickets.id, webhookDeliveries.ticketId))
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), ticketVisibleTo(reader)))
    .orderBy(desc(webhookDeliveries.seq))
    .limit(limit);
}

export async function attemptsOf(db: Db, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(asc(webhookAttempts.at));
}

export async function findDelivery(db: Db, subscriptionId: string, id: string): Promise<DeliveryRow | null> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.subscriptionId, subscriptionId)));
  return row ?? null;
}
