import type { AccessDecision } from '../../domain/access-reviews.ts';
import type { Approval } from '../../domain/approvals.ts';
import type { AssetStatus, ReviewOutcome } from '../../domain/assets.ts';
import type { CertificateHistoryEntry, CertificateState, CertificateVerification } from '../../domain/certificates.ts';
import type { Role } from '../../domain/roles.ts';
import type { CiaLevel, Sensitivity } from '../../domain/sensitivity.ts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties, users } from './parties.ts';
import { tickets } from './tickets.ts';

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
    confidentiality: text('confidentiality').$type<CiaLevel>().notNull(),
    integrity: text('integrity').$type<CiaLevel>().notNull(),
    availability: text('availability').$type<CiaLevel>().notNull(),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    personalData: boolean('personal_data').notNull().default(false),
    notes: text('notes').notNull().default(''),
    /** ISM-3 aggregates: the entries this one groups, when the whole is more sensitive than its parts. */
    parts: uuid('parts')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** active, or pending while a common asset awaits the other parties' approval. */
    status: text('status').$type<AssetStatus>().notNull().default('active'),
    approvals: jsonb('approvals')
      .$type<Approval[]>()
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
    outcome: text('outcome').$type<ReviewOutcome>().notNull(),
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
    roles: text('roles').array().$type<Role[]>().notNull(),
    clearance: text('clearance').$type<Sensitivity>().notNull(),
    active: boolean('active').notNull(),
    decision: text('decision').$type<AccessDecision>(),
    newRoles: text('new_roles').array().$type<Role[]>(),
    newClearance: text('new_clearance').$type<Sensitivity>(),
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
    state: text('state').$type<CertificateState>().notNull(),
    verification: jsonb('verification').$type<CertificateVerification>(),
    changeId: uuid('change_id').references(() => tickets.id),
    /** Expiry warnings already sent, e.g. `60`, `30`, `7`. */
    alerts: text('alerts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    history: jsonb('history')
      .$type<CertificateHistoryEntry[]>()
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
