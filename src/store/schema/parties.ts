import type { Lang } from '../../domain/lang.ts';
import type { PartyKind, GroupKind } from '../../domain/parties.ts';
import type { PriorityMatrix } from '../../domain/priority.ts';
import type { EscalationLevel, Role } from '../../domain/roles.ts';
import type { SecurityPolicy } from '../../domain/security.ts';
import type { SecurityTxt } from '../../domain/security-txt.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { PartyContacts } from '../../domain/admin.ts';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/** Key/value facts about this instance (its UUID, whether the demo was seeded). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** PARTY-1: an organisation on the link. `local` parties sign in here; `remote` ones come over a link. */
export const parties = pgTable('parties', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<PartyKind>().notNull().default('local'),
  language: text('language').$type<Lang>().notNull().default('en'),
  requireTotp: boolean('require_totp').notNull().default(false),
  priorityMatrix: jsonb('priority_matrix').$type<PriorityMatrix>(),
  escalationLevels: jsonb('escalation_levels').$type<EscalationLevel[]>().notNull(),
  /** SEC-7 notification policy and SEC-9 national severity scale mapping; null: the defaults. */
  securityPolicy: jsonb('security_policy').$type<Partial<SecurityPolicy>>(),
  /** CBM-4 / RFC 9116: what the party publishes in the instance's security.txt; null: nothing. */
  securityTxt: jsonb('security_txt').$type<SecurityTxt>(),
  /** Bumped with every change to the party's calendar, targets or maintenance windows, so nodes know when their copy is stale. */
  slaStamp: integer('sla_stamp').notNull().default(0),
  /** The `sla_stamp` the SLA check last recomputed this party's tickets' next check instants with; null: never. */
  slaCheckedStamp: integer('sla_checked_stamp'),
  /** TKT-7: largest file the party's people may attach (bytes). */
  attachmentMaxBytes: integer('attachment_max_bytes').notNull().default(10_000_000),
  /** PARTY-1: how the other party reaches this party's desk and its on-call person. */
  contacts: jsonb('contacts').$type<PartyContacts>(),
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
    kind: text('kind').$type<GroupKind>().notNull(),
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
    roles: text('roles').array().$type<Role[]>().notNull(),
    clearance: text('clearance').$type<Sensitivity>().notNull(),
    language: text('language').$type<Lang>().notNull().default('en'),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The time step of the last TOTP code accepted: a code is good once (its step and any earlier one are refused after). */
    totpLastStep: integer('totp_last_step'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** The last successful sign-in (password or single sign-on). */
    lastSignInAt: ts('last_sign_in_at'),
    /** ISM-6: the `tool_access` request that created or last changed the account. */
    accessRequestId: uuid('access_request_id'),
    /** IF-4: the identity at the party's OpenID provider the account is linked to. */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
  },
  (t) => [
    uniqueIndex('users_username').on(t.username),
    uniqueIndex('users_oidc_identity').on(t.oidcIssuer, t.oidcSubject),
  ],
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
