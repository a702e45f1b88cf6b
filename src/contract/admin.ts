import { z } from 'zod';
import { ACCOUNT_MODES, PartyContactsSchema } from '../domain/admin.ts';
import { LANGS } from '../domain/lang.ts';
import { AccountIdentity } from './directory.ts';

/** An account as a party administrator sees it (ISM-6). */
export const Account = AccountIdentity.extend({
  clearance: z.string(),
  language: z.enum(LANGS),
  active: z.boolean(),
  hasPassword: z.boolean(),
  totpEnabled: z.boolean(),
  sso: z.boolean().describe('Linked to an identity at the party’s OpenID provider'),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  groupIds: z.array(z.uuid()),
  accessRequestId: z.uuid().nullable().describe('The `tool_access` request that created or last changed the account'),
});
/** A one-time link to set a password (invitation or reset), shown once. */
export const OneTimeLink = z.object({
  url: z.string().describe('One-time link (shown once); the invitee or owner sets a password through it'),
  expiresAt: z.iso.datetime(),
  mailed: z.boolean(),
});
export type Account = z.output<typeof Account>;
export type OneTimeLink = z.output<typeof OneTimeLink>;

/** What a one-time link is for (`GET /auth/account-links/{token}`), while it is good. */
export const AccountLinkInfo = z.object({
  purpose: z.enum(['invite', 'reset']),
  username: z.string(),
  displayName: z.string(),
  party: z.string(),
  language: z.enum(LANGS),
  expiresAt: z.iso.datetime(),
});
export type AccountLinkInfo = z.output<typeof AccountLinkInfo>;

/** How the other party reaches a party's desk and its on-call person (PARTY-1). */
export const PartyContacts = PartyContactsSchema;
export type PartyContacts = z.output<typeof PartyContacts>;

/** A party's single sign-on settings (IF-4); the client secret is never sent back. */
export const SsoSettings = z.object({
  partyId: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  roleClaim: z.string(),
  roleMap: z.record(z.string(), z.array(z.string())),
  clearanceClaim: z.string(),
  clearanceMap: z.record(z.string(), z.string()),
  accountMode: z.enum(ACCOUNT_MODES),
  enabled: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type SsoSettings = z.output<typeof SsoSettings>;

/** `GET /parties/{id}/sso`: null while the party has none. */
export const SsoSettingsRead = z.object({ settings: SsoSettings.nullable() });
export type SsoSettingsRead = z.output<typeof SsoSettingsRead>;

/** `POST /auth/account-links/{token}`: the account whose password was set. */
export const AccountLinkRedeemed = z.object({ username: z.string() });
export type AccountLinkRedeemed = z.output<typeof AccountLinkRedeemed>;

/** `GET /auth/sso`: the parties whose people may sign in through their OpenID provider. */
export const SsoParties = z.object({ items: z.array(z.object({ party: z.string(), name: z.string() })) });
export type SsoParties = z.output<typeof SsoParties>;

/** `POST /auth/oidc/logout`: where to end the session at the provider too, or null. */
export const SsoLogout = z.object({ redirect: z.string().nullable() });
export type SsoLogout = z.output<typeof SsoLogout>;

/** `POST /parties/{id}/accounts`: the invited account and its one-time link. */
export const AccountInvited = z.object({ account: Account, link: OneTimeLink });
export type AccountInvited = z.output<typeof AccountInvited>;
