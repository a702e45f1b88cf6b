import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from './columns.ts';
import { parties, users } from './parties.ts';
import { tickets } from './tickets.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';

/**
 * COL-2: a party's mailbox. New mail becomes tickets of `ticketType` on `service` at
 * `sensitivity`; replies leave from `address`. The IMAP secret is stored sealed with
 * AES-256-GCM (key from MAIL_SECRET_KEY); `leaseUntil` is how one node claims the mailbox.
 */
export const mailboxes = pgTable(
  'mailboxes',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    name: text('name').notNull(),
    imapHost: text('imap_host').notNull(),
    imapPort: integer('imap_port').notNull(),
    imapTls: boolean('imap_tls').notNull().default(true),
    imapUser: text('imap_user').notNull(),
    /** base64(iv ‖ tag ‖ ciphertext), AES-256-GCM. */
    imapSecret: text('imap_secret').notNull(),
    folder: text('folder').notNull().default('INBOX'),
    ticketType: text('ticket_type').$type<'incident' | 'problem'>().notNull().default('incident'),
    service: text('service').notNull(),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull().default('LIMITED'),
    address: text('address').notNull(),
    maxAttachmentBytes: integer('max_attachment_bytes').notNull().default(5_000_000),
    senderHourlyCap: integer('sender_hourly_cap').notNull().default(20),
    enabled: boolean('enabled').notNull().default(true),
    /** The account new tickets and reporters' replies are recorded by (no password, cannot sign in). */
    gatewayUserId: uuid('gateway_user_id')
      .notNull()
      .references(() => users.id),
    leaseUntil: ts('lease_until'),
    leaseHolder: text('lease_holder'),
    lastPolledAt: ts('last_polled_at'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mailboxes_name').on(t.name), index('mailboxes_party').on(t.partyId)],
);

/**
 * Every message a mailbox has handled, by `Message-ID`, written in the same transaction as
 * what it caused: a message seen twice does nothing.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => mailboxes.id),
    messageId: text('message_id').notNull(),
    sender: text('sender').notNull(),
    /** ticket | comment | ignored | quarantined */
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    /** `Content-Language` of the message, when French or English: the language replies are written in. */
    language: text('language'),
    processedAt: ts('processed_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_messages_id').on(t.mailboxId, t.messageId),
    index('mail_messages_sender').on(t.mailboxId, t.sender, t.processedAt),
    index('mail_messages_ticket').on(t.ticketId),
  ],
);

/** Mail that could not be read (broken MIME, 8-bit headers, unknown charset, attachment too large, sender over the cap), kept whole. */
export const mailQuarantine = pgTable(
  'mail_quarantine',
  {
    id: uuid('id').primaryKey(),
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => mailboxes.id),
    partyId: text('party_id').notNull(),
    messageId: text('message_id').notNull(),
    sender: text('sender').notNull().default(''),
    subject: text('subject').notNull().default(''),
    reason: text('reason').notNull(),
    detail: text('detail'),
    raw: bytea('raw').notNull(),
    /** held | retried | dropped */
    status: text('status').notNull().default('held'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('mail_quarantine_party').on(t.partyId, t.status, t.createdAt)],
);

/** Messages a ticket sent (receipts, replies): a reply whose In-Reply-To/References names one belongs to that ticket. */
export const mailOutgoing = pgTable(
  'mail_outgoing',
  {
    messageId: text('message_id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    mailboxId: uuid('mailbox_id').references(() => mailboxes.id),
    recipient: text('recipient').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [index('mail_outgoing_ticket').on(t.ticketId)],
);
