import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { AccountMode, AccountLinkPurpose } from '../../domain/admin.ts';
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { parties, users } from './parties.ts';

/** One-time links: an invitation (the invitee sets a password) or a password reset. Only the hash is kept. */
export const accountLinks = pgTable(
  'account_links',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').$type<AccountLinkPurpose>().notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [uniqueIndex('account_links_hash').on(t.tokenHash), index('account_links_user').on(t.userId)],
);

/** IF-4: a party's OpenID Connect provider and how its claims map onto roles and clearance. */
export const partySso = pgTable('party_sso', {
  partyId: text('party_id')
    .primaryKey()
    .references(() => parties.id),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** AES-256-GCM under MAIL_SECRET_KEY, like the mailboxes' secrets. */
  clientSecretSealed: text('client_secret_sealed').notNull(),
  roleClaim: text('role_claim').notNull(),
  roleMap: jsonb('role_map').$type<Record<string, Role[]>>().notNull(),
  clearanceClaim: text('clearance_claim').notNull(),
  clearanceMap: jsonb('clearance_map').$type<Record<string, Sensitivity>>().notNull(),
  accountMode: text('account_mode').$type<AccountMode>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** IF-4: a sign-in under way at a provider: state (hashed), nonce and PKCE verifier, good once and for minutes. */
export const oidcLogins = pgTable('oidc_logins', {
  stateHash: text('state_hash').primaryKey(),
  partyId: text('party_id')
    .notNull()
    .references(() => parties.id),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});
