import type { AgreementChange, AgreementDecision, AgreementKind, ProposalStatus } from '../../domain/agreement.ts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties } from './parties.ts';

/**
 * SNC 10.2: a change to the common agreement, proposed by one party and applied on its
 * effective date once every other party has accepted it. Applied proposals are the versions
 * of the agreement (numbered per party and kind); nothing is ever deleted.
 */
export const agreementProposals = pgTable(
  'agreement_proposals',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<AgreementKind>().notNull(),
    /** The party whose copy of the agreement changes (its matrix, targets, levels…). */
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    proposedByParty: text('proposed_by_party')
      .notNull()
      .references(() => parties.id),
    proposedBy: uuid('proposed_by'),
    proposedByName: text('proposed_by_name').notNull(),
    change: jsonb('change').$type<AgreementChange>().notNull(),
    effectiveFrom: text('effective_from').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<ProposalStatus>().notNull().default('proposed'),
    /** Every party other than the proposer's, whose acceptance is awaited. */
    awaitedParties: text('awaited_parties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    decisions: jsonb('decisions').$type<AgreementDecision[]>().notNull().default([]),
    closedReason: text('closed_reason'),
    /** Version number of the party's agreement part once applied. */
    version: integer('version'),
    createdAt: ts('created_at').notNull().defaultNow(),
    acceptedAt: ts('accepted_at'),
    appliedAt: ts('applied_at'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('agreement_proposals_created').on(t.createdAt),
    index('agreement_proposals_party').on(t.partyId, t.kind),
  ],
);
