import type { Sensitivity } from '../../domain/sensitivity.ts';
import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties, users } from './parties.ts';
import { tickets } from './tickets.ts';

/** IF-2: a party's subscription of an HTTP(S) endpoint to ticket event kinds, within a clearance. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Timeline event kinds delivered; empty: every kind. */
    eventKinds: text('event_kinds').array().notNull(),
    clearance: text('clearance').$type<Sensitivity>().notNull(),
    /** Standard Webhooks secret, `whsec_` + base64 (shown to the administrator on creation only). */
    secret: text('secret').notNull(),
    /** active, or paused (by an administrator, or after repeated failures). */
    status: text('status').$type<'active' | 'paused'>().notNull().default('active'),
    pausedReason: text('paused_reason'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_party').on(t.partyId)],
);

/**
 * The durable queue and log of deliveries: one row per event and subscription, sent in `seq`
 * order per ticket, retried with exponential back-off; `next_attempt_at` doubles as the lease.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    eventId: uuid('event_id').notNull(),
    eventKind: text('event_kind').notNull(),
    /** pending, delivered, failed (gave up), withheld (the ticket left the subscription's sight before sending). */
    status: text('status').$type<'pending' | 'delivered' | 'failed' | 'withheld'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_sub_ticket').on(t.subscriptionId, t.ticketId, t.seq),
  ],
);

/** Each attempt of a delivery: the log shown to the party's administrators. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    at: ts('at').notNull(),
    status: integer('status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    /** true when replayed by an administrator. */
    replay: jsonb('replay').$type<{ by: string } | null>(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId, t.at)],
);
