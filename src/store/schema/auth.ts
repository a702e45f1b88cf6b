import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties, users } from './parties.ts';
import { tickets } from './tickets.ts';

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
    /** IF-4: the party whose single sign-on opened the session (sign-out then also ends the provider's); null: password. */
    ssoParty: text('sso_party'),
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
