import type { ContactChannel, ContactLevel } from '../../domain/contacts.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties, users } from './parties.ts';

/** CBM-1: a party's point of contact for ICT incidents, at one level, confirmed every year. */
export const contactPoints = pgTable(
  'contact_points',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    level: text('level').$type<ContactLevel>().notNull(),
    /** The official structure (CSIRT, ministry, operator…). */
    structure: text('structure').notNull(),
    /** The person or function to ask for. */
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    channels: text('channels').array().$type<ContactChannel[]>().notNull(),
    /** Reachable around the clock (the on-call contact), or in office hours only. */
    aroundTheClock: boolean('around_the_clock').notNull().default(false),
    /** The escalation level this contact answers for (PARTY-4), if any. */
    escalationLevel: integer('escalation_level'),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    confirmedAt: ts('confirmed_at').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    /** The confirmation a reminder / staleness flag was sent for (once per confirmation). */
    remindedFor: ts('reminded_for'),
    staleFlaggedFor: ts('stale_flagged_for'),
    removedAt: ts('removed_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('contact_points_party').on(t.partyId, t.level), index('contact_points_confirmed').on(t.confirmedAt)],
);

/** CBM-1: every change to a contact, shown to the other parties. */
export const contactPointChanges = pgTable(
  'contact_point_changes',
  {
    id: uuid('id').primaryKey(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contactPoints.id),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    kind: text('kind').$type<'created' | 'updated' | 'confirmed' | 'removed'>().notNull(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    byId: uuid('by_id').references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index('contact_point_changes_contact').on(t.contactId, t.at)],
);
