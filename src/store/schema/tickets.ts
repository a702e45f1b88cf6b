import type { CatalogueTemplate, FormField, CatalogueKind, Fulfillers } from '../../domain/catalogue.ts';
import type { TicketDetails } from '../../domain/details.ts';
import type { EventVisibility, TimelineEvent, TimelineKind } from '../../domain/events.ts';
import type { LocalText } from '../../domain/lang.ts';
import type { Criticality, Impact, Priority } from '../../domain/priority.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { SlaFacts } from '../../domain/sla-facts.ts';
import type { TicketChannel, TicketType } from '../../domain/ticket-types.ts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tsvector, bytea, ts } from './columns.ts';
import { monthLexemeSql, searchVectorSql } from './search.ts';
import { groups, parties, users } from './parties.ts';

/** Last issued sequence number per party, ticket type and year (TKT-2). */
export const ticketCounters = pgTable(
  'ticket_counters',
  {
    partyId: text('party_id').notNull(),
    type: text('type').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.type, t.year] })],
);

/** The shared ticket (TKT-1 … TKT-5). */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    ref: text('ref').notNull(),
    type: text('type').$type<TicketType>().notNull(),
    ownerParty: text('owner_party')
      .notNull()
      .references(() => parties.id),
    holderParty: text('holder_party')
      .notNull()
      .references(() => parties.id),
    participants: text('participants').array().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    service: text('service').notNull(),
    impact: text('impact').$type<Impact>().notNull(),
    criticality: text('criticality').$type<Criticality>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    priorityReason: text('priority_reason'),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    status: text('status').notNull(),
    channel: text('channel').$type<TicketChannel>().notNull(),
    groupId: uuid('group_id').references(() => groups.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    escalationLevel: integer('escalation_level').notNull().default(1),
    reporter: text('reporter'),
    /** Where the requester gets the confirmation with the ticket number (SNC 7.6.2). */
    reporterEmail: text('reporter_email'),
    knownError: text('known_error'),
    workaround: text('workaround'),
    resolution: text('resolution'),
    checklist: jsonb('checklist').$type<Record<string, boolean>>(),
    /** Per-type facts (problem root cause, request form and tasks, change assessment and approvals, release plan, checklist…) and an open disagreement. */
    details: jsonb('details')
      .$type<TicketDetails>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    version: integer('version').notNull().default(1),
    eventSeq: integer('event_seq').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    /** Projection of the timeline that SLA clocks read (domain/sla-facts.ts); rebuilt by the same fold. */
    slaFacts: jsonb('sla_facts').$type<SlaFacts>(),
    /** The next SLA due instant (GTI or GTR, whichever comes first), recomputed wherever the SLA facts are written; null when no clock runs. */
    slaDueAt: ts('sla_due_at'),
    /**
     * When the SLA check must look at the ticket next (services/sla/sla-next-check.ts): the first
     * instant a running clock reaches a threshold not reached yet, or earlier, never later; null when
     * closed or no clock runs. Written with the SLA facts and alerts; the check reads only rows due.
     */
    slaNextCheckAt: ts('sla_next_check_at'),
    /** SEC-2: when set, only these users (the incident management team) and level-3 roles may read the ticket. */
    team: uuid('team').array(),
    /** SLA thresholds already signalled, e.g. `gti:warning`, so each is raised once. */
    slaAlerts: text('sla_alerts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * COL-6: reference and service as they are, title (weight A) and description in French and English,
     * accents folded.
     */
    search: tsvector('search').generatedAlwaysAs(
      sql.join(
        [
          sql`to_tsvector('simple'::regconfig, ref || ' ' || service)`,
          searchVectorSql(sql`title`, 'A'),
          searchVectorSql(sql`description`, 'B'),
          monthLexemeSql(sql`created_at`),
        ],
        sql` || `,
      ),
    ),
  },
  (t) => [
    uniqueIndex('tickets_ref').on(t.ref),
    // Ascending on purpose: scanned backwards they give ORDER BY created_at DESC, id DESC (NULLS
    // FIRST), which a DESC NULLS LAST index cannot; the id makes the order total for keyset pages.
    index('tickets_created').on(t.createdAt, t.id),
    index('tickets_updated').on(t.updatedAt, t.id),
    index('tickets_sla_due').on(t.slaDueAt, t.id),
    // Partial: the SLA check's pass reads the open tickets due, in instant order.
    index('tickets_sla_next_check')
      .on(t.slaNextCheckAt)
      .where(sql`${t.status} <> 'closed' AND ${t.slaNextCheckAt} IS NOT NULL`),
    index('tickets_status_created').on(t.status, t.createdAt, t.id),
    index('tickets_priority_created').on(t.priority, t.createdAt, t.id),
    index('tickets_owner_created').on(t.ownerParty, t.createdAt, t.id),
    index('tickets_assignee').on(t.assigneeId),
    index('tickets_participants').using('gin', t.participants),
    index('tickets_search').using('gin', t.search),
    // Also "tickets_count" (status, priority) INCLUDE (the visibility and filter columns), for the
    // capped totals of lists: declared in migration 0018 only, as drizzle's builder has no INCLUDE.
  ],
);

/** Typed links between tickets (TKT-3). */
export const ticketLinks = pgTable(
  'ticket_links',
  {
    id: uuid('id').primaryKey(),
    fromId: uuid('from_id')
      .notNull()
      .references(() => tickets.id),
    toId: uuid('to_id')
      .notNull()
      .references(() => tickets.id),
    kind: text('kind').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('ticket_links_from').on(t.fromId), index('ticket_links_to').on(t.toId)],
);

/**
 * Immutable timeline (TKT-4). `seq` orders events per ticket and `party`/`instance` say who
 * produced them, so a mirror on another instance can apply them exactly once, in order.
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<TimelineKind>().notNull(),
    visibility: text('visibility').$type<EventVisibility>().notNull(),
    data: jsonb('data').$type<TimelineEvent['data']>().notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    party: text('party').notNull(),
    instanceId: uuid('instance_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** COL-6: a comment's words in French and English (null for every other event). */
    search: tsvector('search').generatedAlwaysAs(
      sql`case when kind = 'comment' then ${searchVectorSql(sql`data->>'body'`, 'C')} || ${monthLexemeSql(sql`created_at`)} end`,
    ),
  },
  (t) => [uniqueIndex('ticket_events_seq').on(t.ticketId, t.seq), index('ticket_events_search').using('gin', t.search)],
);

/** REQ-5 request types and CHG-3 standard changes, per party. */
export const catalogueItems = pgTable(
  'catalogue_items',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    kind: text('kind').$type<CatalogueKind>().notNull(),
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalText>().notNull(),
    description: jsonb('description').$type<LocalText>().notNull(),
    fields: jsonb('fields').$type<FormField[]>().notNull(),
    approvalRequired: boolean('approval_required').notNull().default(false),
    fulfillers: text('fulfillers').$type<Fulfillers>().notNull().default('owner'),
    /** Standard changes: the pre-approved assessment copied onto each change. */
    template: jsonb('template').$type<CatalogueTemplate>(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalogue_items_code').on(t.partyId, t.kind, t.code)],
);

/** COL-3 known errors, published from problems; read under the problem's parties and sensitivity. */
export const knownErrors = pgTable(
  'known_errors',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => tickets.id),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    parties: text('parties').array().notNull(),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    title: text('title').notNull(),
    service: text('service').notNull(),
    symptoms: text('symptoms').notNull(),
    cause: text('cause').notNull(),
    workaround: text('workaround').notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: ts('published_at').notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql.join(
        [
          sql`to_tsvector('simple'::regconfig, service)`,
          searchVectorSql(sql`title`, 'A'),
          searchVectorSql(sql`symptoms || ' ' || cause || ' ' || workaround`, 'B'),
        ],
        sql` || `,
      ),
    ),
  },
  (t) => [
    index('known_errors_problem').on(t.problemId),
    index('known_errors_search').using('gin', t.search),
    index('known_errors_parties').using('gin', t.parties),
  ],
);

/** TKT-7 attachments, each with its own sensitivity (never below the ticket's when read through it). */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    content: bytea('content').notNull(),
    party: text('party').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_ticket').on(t.ticketId)],
);
