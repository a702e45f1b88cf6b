import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Key/value facts about this instance (its UUID, whether the demo was seeded). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** PARTY-1: an organisation on the link. `local` parties sign in here; `remote` ones come over a link. */
export const parties = pgTable('parties', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('local'),
  language: text('language').notNull().default('en'),
  requireTotp: boolean('require_totp').notNull().default(false),
  priorityMatrix: jsonb('priority_matrix'),
  escalationLevels: jsonb('escalation_levels').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Service desks, resolver groups and escalation bodies of a party. */
export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id').notNull().references(() => parties.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('groups_party_name').on(t.partyId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id').notNull().references(() => parties.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash'),
    roles: text('roles').array().notNull(),
    clearance: text('clearance').notNull(),
    language: text('language').notNull().default('en'),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id').notNull().references(() => groups.id),
    userId: uuid('user_id').notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user').on(t.userId)],
);

/** Console sessions, stored server-side; the cookie holds a random token whose hash is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** API tokens, hashed at rest (SHA-256 of a 256-bit random secret). */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_user').on(t.userId)],
);

/** Sign-in failures per key (username and address) in a fixed window, shared by all nodes. */
export const signInAttempts = pgTable('sign_in_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: ts('window_start').notNull(),
});

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
    type: text('type').notNull(),
    ownerParty: text('owner_party').notNull().references(() => parties.id),
    holderParty: text('holder_party').notNull().references(() => parties.id),
    participants: text('participants').array().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    service: text('service').notNull(),
    impact: text('impact').notNull(),
    criticality: text('criticality').notNull(),
    priority: text('priority').notNull(),
    priorityReason: text('priority_reason'),
    sensitivity: text('sensitivity').notNull(),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    groupId: uuid('group_id').references(() => groups.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    escalationLevel: integer('escalation_level').notNull().default(1),
    reporter: text('reporter'),
    knownError: text('known_error'),
    workaround: text('workaround'),
    resolution: text('resolution'),
    checklist: jsonb('checklist'),
    version: integer('version').notNull().default(1),
    eventSeq: integer('event_seq').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, ref || ' ' || title || ' ' || description || ' ' || service)`,
    ),
  },
  (t) => [
    uniqueIndex('tickets_ref').on(t.ref),
    index('tickets_created').on(t.createdAt.desc(), t.id.desc()),
    index('tickets_status_created').on(t.status, t.createdAt.desc()),
    index('tickets_priority_created').on(t.priority, t.createdAt.desc()),
    index('tickets_owner_created').on(t.ownerParty, t.createdAt.desc()),
    index('tickets_assignee').on(t.assigneeId),
    index('tickets_participants').using('gin', t.participants),
    index('tickets_search').using('gin', t.search),
  ],
);

/** Typed links between tickets (TKT-3). */
export const ticketLinks = pgTable(
  'ticket_links',
  {
    id: uuid('id').primaryKey(),
    fromId: uuid('from_id').notNull().references(() => tickets.id),
    toId: uuid('to_id').notNull().references(() => tickets.id),
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
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    visibility: text('visibility').notNull(),
    data: jsonb('data').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    party: text('party').notNull(),
    instanceId: uuid('instance_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ticket_events_seq').on(t.ticketId, t.seq)],
);

/** Security-relevant actions (AUD-1 adds the hash chain). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    party: text('party'),
    action: text('action').notNull(),
    targetId: text('target_id'),
    data: jsonb('data').notNull(),
  },
  (t) => [index('audit_log_party_at').on(t.party, t.at)],
);
