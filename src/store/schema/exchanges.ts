import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { ExchangeKind } from '../../domain/exchanges.ts';
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts, tsvector } from './columns.ts';
import { searchVectorSql } from './search.ts';
import { parties, users } from './parties.ts';

/** CBM-3: a submission one party distributes to every party. */
export const exchanges = pgTable(
  'exchanges',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    kind: text('kind').$type<ExchangeKind>().notNull(),
    /** The year a yearly summary covers (null for the other kinds). */
    year: integer('year'),
    title: text('title').notNull(),
    language: text('language').notNull(),
    body: text('body').notNull(),
    /** The English translation (required when the body is in another language). */
    bodyEn: text('body_en'),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** COL-6: title, text and translation for the search, in French and English (see ./search.ts). */
    search: tsvector('search').generatedAlwaysAs(
      sql`${searchVectorSql(sql`title`, 'A')} || ${searchVectorSql(sql`body || ' ' || coalesce(body_en, '')`, 'B')}`,
    ),
  },
  (t) => [
    index('exchanges_created').on(t.createdAt, t.id),
    index('exchanges_search').using('gin', t.search),
    index('exchanges_party_year').on(t.partyId, t.kind, t.year),
  ],
);

/** Read receipts: the first time each person opened a submission. */
export const exchangeReads = pgTable(
  'exchange_reads',
  {
    exchangeId: uuid('exchange_id')
      .notNull()
      .references(() => exchanges.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    partyId: text('party_id').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exchangeId, t.userId] })],
);

/** Questions on a submission and the submitting party's answers. */
export const exchangeQuestions = pgTable(
  'exchange_questions',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id')
      .notNull()
      .references(() => exchanges.id),
    partyId: text('party_id').notNull(),
    byId: uuid('by_id').references(() => users.id),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredById: uuid('answered_by_id').references(() => users.id),
    askedAt: ts('asked_at').notNull(),
    answeredAt: ts('answered_at'),
  },
  (t) => [index('exchange_questions_exchange').on(t.exchangeId, t.askedAt)],
);

/** Reminders sent once per key (`summary:EU:2026`, `meetings:2026`), claimed by the insert. */
export const cbmReminders = pgTable('cbm_reminders', {
  key: text('key').primaryKey(),
  sentAt: ts('sent_at').notNull(),
});
