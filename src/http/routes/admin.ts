import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { changeGroupMembers } from '../../services/admin/change-group-members.ts';
import { createGroup, renamePartyGroup } from '../../services/admin/create-group.ts';
import { grantToolAccess } from '../../services/admin/grant-tool-access.ts';
import { inviteUser } from '../../services/admin/invite-user.ts';
import { listAccounts } from '../../services/admin/list-accounts.ts';
import { readPartyContacts, updatePartyContacts } from '../../services/admin/party-contacts.ts';
import { readAccountLink, redeemAccountLink } from '../../services/admin/redeem-account-link.ts';
import { resetPassword } from '../../services/admin/reset-password.ts';
import { resetSecondFactor } from '../../services/admin/reset-second-factor.ts';
import { updateAccount } from '../../services/admin/update-account.ts';
import type { Account as StoredAccount } from '../../domain/actor.ts';
import { requireActor } from '../auth-hook.ts';
import { publicUrlOf } from '../public-url.ts';
import {
  Account,
  AccountInvited,
  AccountLinkInfo,
  AccountLinkRedeemed,
  OneTimeLink,
  PartyContacts,
} from '../../contract/admin.ts';
import { errorResponses, Sensitivity, text, TicketParams } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const PartyParams = z.object({ id: z.string().max(10) });
const UserParams = PartyParams.extend({ userId: z.uuid() });
const GroupParams = PartyParams.extend({ groupId: z.uuid() });
const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,59}$/, 'lower-case letters, digits, . _ - (2 to 60)');
const Roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
const Lang = z.enum(['en', 'fr']);

const Group = z.object({ id: z.uuid(), name: z.string(), kind: z.string(), memberIds: z.array(z.uuid()).optional() });

/** Who an account is, as both the signed-in user and a party administrator see it. */
export function accountIdentity(user: StoredAccount) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    party: user.partyId,
    roles: user.roles,
    clearance: user.clearance,
    language: user.language,
  };
}

export function presentAccount(user: StoredAccount, groupIds: string[]) {
  return {
    ...accountIdentity(user),
    active: user.active,
    hasPassword: user.passwordHash !== null,
    totpEnabled: user.totpEnabled,
    sso: user.oidcSubject !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    groupIds,
    accessRequestId: user.accessRequestId,
  };
}
const presentLink = (link: { url: string; expiresAt: Date; mailed: boolean }) => ({
  ...link,
  expiresAt: link.expiresAt.toISOString(),
});

/** ISM-6 / PARTY-1: a party administrator's pages: accounts, groups, contacts, access requests; one-time links. */
export const adminRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const delivery = (request: Parameters<typeof publicUrlOf>[1]) => ({
      baseUrl: publicUrlOf(deps.config, request),
      mail: Boolean(deps.config.SMTP_URL),
    });
    const tags = ['administration'];

    app.get(
      '/parties/:id/accounts',
      {
        schema: {
          tags,
          operationId: 'listPartyAccounts',
          summary: 'Every account of the party, disabled ones too, with last sign-in (its administrators only)',
          params: PartyParams,
          response: { 200: z.object({ items: z.array(Account) }), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listAccounts(deps.db, requireActor(request), request.params.id);
        return { items: rows.map((r) => presentAccount(r.user, r.groupIds)) };
      },
    );

    app.post(
      '/parties/:id/accounts',
      {
        schema: {
          tags,
          operationId: 'inviteAccount',
          summary: 'Invite a person: the account is created without a password and a one-time link lets them set it',
          params: PartyParams,
          body: z.object({
            username: Username,
            displayName: text(200),
            email: z.email().max(200),
            roles: Roles,
            clearance: Sensitivity,
            language: Lang.optional(),
            groups: z.array(z.uuid()).max(50).optional(),
          }),
          response: { 201: AccountInvited, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = deps.ctx(request);
        const { user, link } = await inviteUser(ctx, { party: request.params.id, ...request.body }, delivery(request));
        return reply
          .status(201)
          .send({ account: presentAccount(user, request.body.groups ?? []), link: presentLink(link) });
      },
    );

    app.patch(
      '/parties/:id/accounts/:userId',
      {
        schema: {
          tags,
          operationId: 'updateAccount',
          summary:
            'Change an account: name, e-mail, roles, clearance (up to your own), language, disable or enable (not your own access)',
          params: UserParams,
          body: z.object({
            displayName: text(200).optional(),
            email: z.email().max(200).nullable().optional(),
            roles: Roles.optional(),
            clearance: Sensitivity.optional(),
            language: Lang.optional(),
            active: z.boolean().optional(),
          }),
          response: { 200: Account, ...errorResponses },
        },
      },
      async (request) => {
        const user = await updateAccount(
          deps.db,
          requireActor(request),
          request.params.id,
          request.params.userId,
          request.body,
        );
        const rows = await listAccounts(deps.db, requireActor(request), request.params.id);
        return presentAccount(user, rows.find((r) => r.user.id === user.id)?.groupIds ?? []);
      },
    );

    app.post(
      '/parties/:id/accounts/:userId/password-reset',
      {
        schema: {
          tags,
          operationId: 'resetAccountPassword',
          summary:
            'Reset a password: the old one stops working, sessions end, a one-time link lets the owner set a new one',
          params: UserParams,
          response: { 200: OneTimeLink, ...errorResponses },
        },
      },
      async (request) =>
        presentLink(
          await resetPassword(
            deps.db,
            requireActor(request),
            request.params.id,
            request.params.userId,
            delivery(request),
          ),
        ),
    );

    app.post(
      '/parties/:id/accounts/:userId/totp-reset',
      {
        schema: {
          tags,
          operationId: 'resetAccountSecondFactor',
          summary: 'Remove an account’s second factor (its owner enrols again); its sessions end',
          params: UserParams,
          response: { 200: Account, ...errorResponses },
        },
      },
      async (request) => {
        const user = await resetSecondFactor(deps.db, requireActor(request), request.params.id, request.params.userId);
        return presentAccount(user, []);
      },
    );

    app.post(
      '/parties/:id/groups',
      {
        schema: {
          tags,
          operationId: 'createGroup',
          summary: 'Create a resolver group or escalation body of the party',
          params: PartyParams,
          body: z.object({ name: text(120), kind: z.enum(['resolver', 'level']) }),
          response: { 201: Group, ...errorResponses },
        },
      },
      async (request, reply) => {
        const group = await createGroup(deps.db, requireActor(request), request.params.id, request.body);
        return reply.status(201).send({ id: group.id, name: group.name, kind: group.kind, memberIds: [] });
      },
    );

    app.patch(
      '/parties/:id/groups/:groupId',
      {
        schema: {
          tags,
          operationId: 'renameGroup',
          summary: 'Rename one of the party’s groups',
          params: GroupParams,
          body: z.object({ name: text(120) }),
          response: { 200: Group, ...errorResponses },
        },
      },
      async (request) => {
        const group = await renamePartyGroup(
          deps.db,
          requireActor(request),
          request.params.id,
          request.params.groupId,
          request.body.name,
        );
        return { id: group.id, name: group.name, kind: group.kind };
      },
    );

    for (const change of ['add', 'remove'] as const) {
      app[change === 'add' ? 'put' : 'delete'](
        '/parties/:id/groups/:groupId/members/:userId',
        {
          schema: {
            tags,
            operationId: change === 'add' ? 'addGroupMember' : 'removeGroupMember',
            summary: change === 'add' ? 'Add an account of the party to a group' : 'Remove an account from a group',
            params: GroupParams.extend({ userId: z.uuid() }),
            response: { 200: Group, ...errorResponses },
          },
        },
        async (request) => {
          const { group, members } = await changeGroupMembers(
            deps.db,
            requireActor(request),
            request.params.id,
            request.params.groupId,
            request.params.userId,
            change,
          );
          return { id: group.id, name: group.name, kind: group.kind, memberIds: members };
        },
      );
    }

    app.get(
      '/parties/:id/contacts',
      {
        schema: {
          tags,
          operationId: 'getPartyContacts',
          summary: 'How to reach the party’s desk and on-call person',
          params: PartyParams,
          response: { 200: PartyContacts, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return readPartyContacts(deps.db, request.params.id);
      },
    );

    app.put(
      '/parties/:id/contacts',
      {
        schema: {
          tags,
          operationId: 'setPartyContacts',
          summary: 'Set the party’s desk and on-call contact (its administrators only)',
          params: PartyParams,
          body: PartyContacts,
          response: { 200: PartyContacts, ...errorResponses },
        },
      },
      async (request) => updatePartyContacts(deps.db, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/tickets/:id/grant-access',
      {
        schema: {
          tags,
          operationId: 'grantToolAccess',
          summary:
            'ISM-6: grant an approved `tool_access` request: create (and invite) the account it asks for, or change the named one',
          params: TicketParams,
          body: z.object({
            userId: z.uuid().optional(),
            username: Username.optional(),
            roles: Roles,
            clearance: Sensitivity,
            groups: z.array(z.uuid()).max(50).optional(),
          }),
          response: {
            200: z.object({
              userId: z.uuid(),
              username: z.string(),
              change: z.enum(['created', 'changed']),
              link: OneTimeLink.nullable(),
              ticketVersion: z.number().int(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const result = await grantToolAccess(deps.ctx(request), request.params.id, request.body, delivery(request));
        return {
          userId: result.userId,
          username: result.username,
          change: result.change,
          link: result.link ? presentLink(result.link) : null,
          ticketVersion: result.ticket.version,
        };
      },
    );

    const Token = z.object({ token: z.string().min(10).max(200) });
    app.get(
      '/auth/account-links/:token',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          operationId: 'getAccountLink',
          summary: 'What a one-time link is for (whose account, invitation or reset), while it is good',
          params: Token,
          response: {
            200: AccountLinkInfo,
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const link = await readAccountLink(deps.db, request.params.token);
        return { ...link, expiresAt: link.expiresAt.toISOString() };
      },
    );

    app.post(
      '/auth/account-links/:token',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          operationId: 'redeemAccountLink',
          summary: 'Set the password through a one-time link (then sign in as usual)',
          params: Token,
          body: z.object({ password: z.string().min(1).max(1000) }),
          response: { 200: AccountLinkRedeemed, ...errorResponses },
        },
      },
      async (request) => redeemAccountLink(deps.db, request.params.token, request.body.password),
    );
  };
