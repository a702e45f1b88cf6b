import type { DayHours } from '../../domain/business-time.ts';
import type { WindowStatus } from '../../domain/maintenance-clock.ts';
import type { Priority } from '../../domain/priority.ts';
import type { TicketType } from '../../domain/ticket-types.ts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties } from './parties.ts';
import { tickets } from './tickets.ts';

/** SLA-3: a party's business calendar; its rules are versioned in calendar_versions. */
export const calendars = pgTable('calendars', {
  partyId: text('party_id')
    .primaryKey()
    .references(() => parties.id),
  timeZone: text('time_zone').notNull(),
  holidayCountry: text('holiday_country').notNull(),
  holidayRegion: text('holiday_region'),
  /** Share of a target at which a warning is raised (SLA-4). */
  warnPct: integer('warn_pct').notNull().default(75),
});

/**
 * Immutable versions of a calendar. Each holds its expanded closed dates (public holidays
 * computed when the version was made, plus extra closures), so history never moves when the
 * holiday data or the calendar changes later.
 */
export const calendarVersions = pgTable(
  'calendar_versions',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    weekly: jsonb('weekly').$type<DayHours[]>().notNull(),
    holidays: jsonb('holidays').$type<string[]>().notNull(),
    extraClosures: jsonb('extra_closures').$type<string[]>().notNull(),
    /** Priorities covered around the clock (on-call): their clocks run 24×7 while this version holds. */
    onCallPriorities: text('on_call_priorities')
      .array()
      .$type<Priority[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_versions_party_version').on(t.partyId, t.version)],
);

/** SLA-2 targets per party, ticket type and priority, versioned by the date they apply from (tickets opened on or after it). */
export const slaTargets = pgTable(
  'sla_targets',
  {
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    ticketType: text('ticket_type').$type<TicketType>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    effectiveFrom: text('effective_from').notNull(),
    gtiMs: integer('gti_ms').notNull(),
    gtrMs: integer('gtr_ms').notNull(),
    gteMs: integer('gte_ms').notNull(),
    objectivePct: integer('objective_pct').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.ticketType, t.priority, t.effectiveFrom] })],
);

/** Scheduled maintenance windows: excluded from SLA clocks and availability. */
export const maintenanceWindows = pgTable(
  'maintenance_windows',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    title: text('title').notNull(),
    /** Null: every service of the party. */
    service: text('service'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    /** REL-2: a joint window is proposed by `party_id` and accepted by every partner before it counts. */
    joint: boolean('joint').notNull().default(false),
    partners: text('partners')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** scheduled (one party's own), proposed, accepted, refused, withdrawn. */
    status: text('status').$type<WindowStatus>().notNull().default('scheduled'),
    releaseId: uuid('release_id').references(() => tickets.id),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('maintenance_windows_party').on(t.partyId, t.startsAt),
    index('maintenance_windows_partners').using('gin', t.partners),
  ],
);

/** SLA-6: unavailability of a service; starts at the earliest of detection and report. */
export const outages = pgTable(
  'outages',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    service: text('service').notNull(),
    detectedAt: ts('detected_at'),
    reportedAt: ts('reported_at'),
    restoredAt: ts('restored_at'),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('outages_party_service').on(t.partyId, t.service)],
);

/** SLA-6 availability targets per party and service, in percent. */
export const serviceTargets = pgTable(
  'service_targets',
  {
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    service: text('service').notNull(),
    targetPct: text('target_pct').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.service] })],
);
