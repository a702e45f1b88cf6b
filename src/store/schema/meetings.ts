import type { Sensitivity } from '../../domain/sensitivity.ts';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties, users } from './parties.ts';

/** CBM-6: a meeting of the parties' designated experts. */
export const expertMeetings = pgTable(
  'expert_meetings',
  {
    id: uuid('id').primaryKey(),
    organiserParty: text('organiser_party')
      .notNull()
      .references(() => parties.id),
    title: text('title').notNull(),
    startsAt: ts('starts_at').notNull(),
    location: text('location').notNull(),
    agenda: text('agenda').notNull(),
    participants: jsonb('participants').$type<{ party: string; name: string }[]>().notNull(),
    minutes: text('minutes'),
    decisions: jsonb('decisions').$type<string[]>().notNull(),
    /** Exchanges (CBM-3) discussed; shown to each reader only as far as they may read them. */
    exchangeIds: uuid('exchange_ids').array().notNull(),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('expert_meetings_starts').on(t.startsAt)],
);

/** An action item decided at a meeting, tracked to completion by the party it is given to. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => expertMeetings.id),
    description: text('description').notNull(),
    party: text('party')
      .notNull()
      .references(() => parties.id),
    dueAt: ts('due_at'),
    doneAt: ts('done_at'),
    doneById: uuid('done_by_id').references(() => users.id),
    note: text('note'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('meeting_actions_meeting').on(t.meetingId)],
);
