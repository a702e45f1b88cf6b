import type { CsafRemediation, VulnerabilityRevision } from '../../domain/csaf.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties, users } from './parties.ts';

/** CBM-4: a vulnerability and its remediation, notified by one party to every other. */
export const vulnerabilityNotices = pgTable(
  'vulnerability_notices',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    /** `<party>-VN-<year>-<seq>`: the CSAF tracking id. */
    trackingId: text('tracking_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    vendor: text('vendor').notNull(),
    product: text('product').notNull(),
    productVersion: text('product_version').notNull(),
    cve: text('cve'),
    remediationCategory: text('remediation_category').$type<CsafRemediation>().notNull(),
    remediation: text('remediation').notNull(),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    revisions: jsonb('revisions').$type<VulnerabilityRevision[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vulnerability_notices_tracking').on(t.trackingId),
    index('vulnerability_notices_created').on(t.createdAt, t.id),
  ],
);
