import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { WikiKind } from '../../domain/wiki.ts';
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, tsvector } from './columns.ts';
import { parties, users } from './parties.ts';
import { searchVectorSql } from './search.ts';
import { tickets } from './tickets.ts';

/** COL-4 wiki pages: the current version's text, read by the page's parties within their clearance. */
export const wikiPages = pgTable(
  'wiki_pages',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    kind: text('kind').$type<WikiKind>().notNull(),
    ownerParty: text('owner_party')
      .notNull()
      .references(() => parties.id),
    parties: text('parties').array().notNull(),
    sensitivity: text('sensitivity').$type<Sensitivity>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`${searchVectorSql(sql`title`, 'A')} || ${searchVectorSql(sql`body`, 'B')}`,
    ),
  },
  (t) => [
    uniqueIndex('wiki_pages_slug').on(t.slug),
    index('wiki_pages_parties').using('gin', t.parties),
    index('wiki_pages_search').using('gin', t.search),
  ],
);

/** Every version of a page, kept; a technical guideline's version is submitted, then approved by every party. */
export const wikiVersions = pgTable(
  'wiki_versions',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => wikiPages.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    party: text('party').notNull(),
    note: text('note'),
    submittedAt: ts('submitted_at'),
    approvedAt: ts('approved_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.version] })],
);

/** One party's approval of a submitted version (joint approval, COL-4). */
export const wikiApprovals = pgTable(
  'wiki_approvals',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => wikiPages.id),
    version: integer('version').notNull(),
    party: text('party').notNull(),
    userId: uuid('user_id').references(() => users.id),
    userName: text('user_name').notNull(),
    approvedAt: ts('approved_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.version, t.party] })],
);

/** Links from a page to tickets; read back from the ticket (under both visibility rules). */
export const wikiTicketLinks = pgTable(
  'wiki_ticket_links',
  {
    pageId: uuid('page_id')
      .notNull()
      .references(() => wikiPages.id),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.ticketId] }), index('wiki_ticket_links_ticket').on(t.ticketId)],
);
