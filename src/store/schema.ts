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
const bytea = customType<{ data: Buffer }>({
  dataType: () => 'bytea',
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
  /** SEC-7 notification policy and SEC-9 national severity scale mapping; null: the defaults. */
  securityPolicy: jsonb('security_policy'),
  /** Bumped with every change to the party's calendar, targets or maintenance windows, so nodes know when their copy is stale. */
  slaStamp: integer('sla_stamp').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Service desks, resolver groups and escalation bodies of a party. */
export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
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
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
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
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user').on(t.userId)],
);

/** Console sessions, stored server-side; the cookie holds a random token whose hash is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
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
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    /** `api`: the whole API as the user; `calendar`: only the user's maintenance calendar feeds. */
    scope: text('scope').notNull().default('api'),
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
    /** Where the requester gets the confirmation with the ticket number (SNC 7.6.2). */
    reporterEmail: text('reporter_email'),
    knownError: text('known_error'),
    workaround: text('workaround'),
    resolution: text('resolution'),
    checklist: jsonb('checklist'),
    /** Per-type facts (problem root cause, request form and tasks, change assessment and approvals, release plan, checklist…) and an open disagreement. */
    details: jsonb('details')
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
    slaFacts: jsonb('sla_facts'),
    /** SEC-2: when set, only these users (the incident management team) and level-3 roles may read the ticket. */
    team: uuid('team').array(),
    /** SLA thresholds already signalled, e.g. `gti:warning`, so each is raised once. */
    slaAlerts: text('sla_alerts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, ref || ' ' || title || ' ' || description || ' ' || service)`,
    ),
  },
  (t) => [
    uniqueIndex('tickets_ref').on(t.ref),
    // Ascending on purpose: scanned backwards they give ORDER BY created_at DESC, id DESC (NULLS
    // FIRST), which a DESC NULLS LAST index cannot; the id makes the order total for keyset pages.
    index('tickets_created').on(t.createdAt, t.id),
    index('tickets_updated').on(t.updatedAt, t.id),
    index('tickets_status_created').on(t.status, t.createdAt, t.id),
    index('tickets_priority_created').on(t.priority, t.createdAt, t.id),
    index('tickets_owner_created').on(t.ownerParty, t.createdAt, t.id),
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
    weekly: jsonb('weekly').notNull(),
    holidays: jsonb('holidays').notNull(),
    extraClosures: jsonb('extra_closures').notNull(),
    /** Priorities covered around the clock (on-call): their clocks run 24×7 while this version holds. */
    onCallPriorities: text('on_call_priorities')
      .array()
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
    ticketType: text('ticket_type').notNull(),
    priority: text('priority').notNull(),
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
    status: text('status').notNull().default('scheduled'),
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

/** In-app notifications (COL-1); rendered in the reader's language when read. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    params: jsonb('params').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_created').on(t.userId, t.createdAt.desc())],
);

/** Per-user notification preferences; a missing row means both channels on. */
export const notificationPrefs = pgTable(
  'notification_prefs',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Durable jobs (outgoing mail, …), claimed with FOR UPDATE SKIP LOCKED so several nodes share them. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    runAt: ts('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lastError: text('last_error'),
    doneAt: ts('done_at'),
    failedAt: ts('failed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('jobs_due')
      .on(t.runAt)
      .where(sql`done_at is null and failed_at is null`),
  ],
);

/** REQ-5 request types and CHG-3 standard changes, per party. */
export const catalogueItems = pgTable(
  'catalogue_items',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: jsonb('name').notNull(),
    description: jsonb('description').notNull(),
    fields: jsonb('fields').notNull(),
    approvalRequired: boolean('approval_required').notNull().default(false),
    fulfillers: text('fulfillers').notNull().default('owner'),
    /** Standard changes: the pre-approved assessment copied onto each change. */
    template: jsonb('template'),
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
    sensitivity: text('sensitivity').notNull(),
    title: text('title').notNull(),
    service: text('service').notNull(),
    symptoms: text('symptoms').notNull(),
    cause: text('cause').notNull(),
    workaround: text('workaround').notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: ts('published_at').notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, title || ' ' || service || ' ' || symptoms || ' ' || cause || ' ' || workaround)`,
    ),
  },
  (t) => [
    index('known_errors_problem').on(t.problemId),
    index('known_errors_search').using('gin', t.search),
    index('known_errors_parties').using('gin', t.parties),
  ],
);

/**
 * ISM-1 … ISM-3: information assets and the sensitive information list. Common assets (part of
 * the link) need every party's approval of the entry and its owner; the ETS level is derived
 * from C/I/A (ISM-2) and stored only to filter on it.
 */
export const informationAssets = pgTable(
  'information_assets',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    common: boolean('common').notNull().default(false),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    owner: text('owner').notNull(),
    confidentiality: text('confidentiality').notNull(),
    integrity: text('integrity').notNull(),
    availability: text('availability').notNull(),
    sensitivity: text('sensitivity').notNull(),
    personalData: boolean('personal_data').notNull().default(false),
    notes: text('notes').notNull().default(''),
    /** ISM-3 aggregates: the entries this one groups, when the whole is more sensitive than its parts. */
    parts: uuid('parts')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** active, or pending while a common asset awaits the other parties' approval. */
    status: text('status').notNull().default('active'),
    approvals: jsonb('approvals')
      .notNull()
      .default(sql`'[]'::jsonb`),
    reviewIntervalDays: integer('review_interval_days').notNull().default(365),
    nextReviewAt: ts('next_review_at').notNull(),
    reviewReminded: boolean('review_reminded').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('information_assets_party').on(t.partyId), index('information_assets_review').on(t.nextReviewAt)],
);

/** ISM-3 review history of an asset / LIS entry. */
export const assetReviews = pgTable(
  'asset_reviews',
  {
    id: uuid('id').primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => informationAssets.id),
    reviewedBy: uuid('reviewed_by'),
    reviewerName: text('reviewer_name').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note').notNull().default(''),
    reviewedAt: ts('reviewed_at').notNull().defaultNow(),
  },
  (t) => [index('asset_reviews_asset').on(t.assetId, t.reviewedAt)],
);

/** SEC-2: the incident management team the security officer names per event type (taxonomy class). */
export const imtRosters = pgTable(
  'imt_rosters',
  {
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    eventType: text('event_type').notNull(),
    members: uuid('members').array().notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.eventType] })],
);

/** ISM-6 periodic access reviews of a party's accounts. */
export const accessReviews = pgTable(
  'access_reviews',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    status: text('status').notNull().default('open'),
    startedBy: uuid('started_by'),
    startedAt: ts('started_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [index('access_reviews_party').on(t.partyId, t.startedAt)],
);

/** One account in an access review, with its roles and clearance then, and the decision taken. */
export const accessReviewItems = pgTable(
  'access_review_items',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => accessReviews.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roles: text('roles').array().notNull(),
    clearance: text('clearance').notNull(),
    active: boolean('active').notNull(),
    decision: text('decision'),
    newRoles: text('new_roles').array(),
    newClearance: text('new_clearance'),
    note: text('note'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

/** ISM-7: certification authorities; usable only once every party trusts them. */
export const trustedCas = pgTable('trusted_cas', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  subject: text('subject').notNull(),
  fingerprint: text('fingerprint').notNull().unique(),
  pem: text('pem').notNull(),
  /** Parties that trust it (each by its own administrator). */
  trustedBy: text('trusted_by').array().notNull(),
  addedBy: uuid('added_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** ISM-7 certificate and key register per party. */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    name: text('name').notNull(),
    usage: text('usage').notNull(),
    pem: text('pem').notNull(),
    subject: text('subject').notNull(),
    issuer: text('issuer').notNull(),
    serial: text('serial').notNull(),
    fingerprint: text('fingerprint').notNull(),
    notBefore: ts('not_before').notNull(),
    notAfter: ts('not_after').notNull(),
    caId: uuid('ca_id').references(() => trustedCas.id),
    /** generated, registered, verified, installed, in_use, renewal, revoked, expired. */
    state: text('state').notNull(),
    verification: jsonb('verification'),
    changeId: uuid('change_id').references(() => tickets.id),
    /** Expiry warnings already sent, e.g. `60`, `30`, `7`. */
    alerts: text('alerts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    history: jsonb('history')
      .notNull()
      .default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('certificates_party').on(t.partyId),
    index('certificates_expiry').on(t.notAfter),
    uniqueIndex('certificates_fingerprint').on(t.partyId, t.fingerprint),
  ],
);

/** ISM-8 per-party IP allow-list for the console and API; empty: no restriction. */
export const ipAllowlist = pgTable(
  'ip_allowlist',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    cidr: text('cidr').notNull(),
    note: text('note').notNull().default(''),
    requestId: uuid('request_id').references(() => tickets.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ip_allowlist_party_cidr').on(t.partyId, t.cidr)],
);

/** ISM-8 counters shared by every node: requests per token per window, identical requests per second. */
export const throttles = pgTable('throttles', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: ts('window_start').notNull(),
});

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
    sensitivity: text('sensitivity').notNull(),
    content: bytea('content').notNull(),
    party: text('party').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_ticket').on(t.ticketId)],
);
