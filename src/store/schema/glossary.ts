import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties, users } from './parties.ts';

/** CBM-2: a term of the common glossary; `agreed` once every party accepted its current version. */
export const glossaryTerms = pgTable(
  'glossary_terms',
  {
    id: uuid('id').primaryKey(),
    term: text('term').notNull(),
    status: text('status').$type<'proposed' | 'agreed'>().notNull(),
    currentVersion: integer('current_version').notNull(),
    proposedBy: text('proposed_by')
      .notNull()
      .references(() => parties.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('glossary_terms_term').on(t.term)],
);

/** Every version of a term's definitions, with the parties that accepted it. */
export const glossaryVersions = pgTable(
  'glossary_versions',
  {
    id: uuid('id').primaryKey(),
    termId: uuid('term_id')
      .notNull()
      .references(() => glossaryTerms.id),
    number: integer('number').notNull(),
    definitionFr: text('definition_fr').notNull(),
    definitionEn: text('definition_en').notNull(),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    byId: uuid('by_id').references(() => users.id),
    acceptances: jsonb('acceptances').$type<{ party: string; by: string; at: string }[]>().notNull(),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('glossary_versions_number').on(t.termId, t.number)],
);

export const glossaryComments = pgTable(
  'glossary_comments',
  {
    id: uuid('id').primaryKey(),
    termId: uuid('term_id')
      .notNull()
      .references(() => glossaryTerms.id),
    partyId: text('party_id')
      .notNull()
      .references(() => parties.id),
    byId: uuid('by_id').references(() => users.id),
    byName: text('by_name').notNull(),
    body: text('body').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('glossary_comments_term').on(t.termId, t.at)],
);
