import { AppError } from '../domain/errors.ts';
import { ACCOUNT_MODES } from '../domain/admin.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { SENSITIVITIES, type Sensitivity } from '../domain/sensitivity.ts';
import { changeGroupMembers } from '../services/admin/change-group-members.ts';
import { createGroup, renamePartyGroup } from '../services/admin/create-group.ts';
import { listAccounts } from '../services/admin/list-accounts.ts';
import { resetPassword } from '../services/admin/reset-password.ts';
import { resetSecondFactor } from '../services/admin/reset-second-factor.ts';
import { updateAccount } from '../services/admin/update-account.ts';
import { createUser } from '../services/parties/create-user.ts';
import { issueAccountLink } from '../services/admin/account-links.ts';
import { readSsoSettings, saveSsoSettings } from '../services/sso/sso-settings.ts';
import { findUserByName, listGroups } from '../store/directory.ts';
import type { Db } from '../store/db.ts';
import type { Command, Values } from './command.ts';
import { oneOf, optional, required, stringOptions, yesNo } from './command.ts';

const languageOf = (values: Values) => {
  const language = optional(values, 'language');
  return language ? oneOf(['en', 'fr'] as const, language, 'language') : undefined;
};
const roleList = (value: string, field: string) => value.split(',').map((r): Role => oneOf(ROLES, r.trim(), field));

/** The account of `--username` in `--party` (another party's: not found, like the API). */
async function accountOf(db: Db, values: Values) {
  const party = required(values, 'party');
  const user = await findUserByName(db, required(values, 'username'));
  if (!user || user.partyId !== party) throw new AppError('user.not_found', 'username');
  return { party, user };
}

async function groupOf(db: Db, party: string, name: string) {
  const group = (await listGroups(db, [party])).find((g) => g.name === name);
  if (!group) throw new AppError('group.not_found', 'group');
  return group;
}

/** `a=agent,resolver;b=party_admin` → { a: ['agent','resolver'], b: ['party_admin'] } */
function parseMap<T>(value: string, field: string, item: (v: string) => T): Record<string, T> {
  const entries = value
    .split(';')
    .filter(Boolean)
    .map((pair) => {
      const index = pair.indexOf('=');
      if (index < 1) throw new AppError('validation.invalid', field, { field, detail: 'claim=value;…' });
      return [pair.slice(0, index).trim(), item(pair.slice(index + 1).trim())] as const;
    });
  return Object.fromEntries(entries);
}

const present = (user: Awaited<ReturnType<typeof listAccounts>>[number]['user']) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  email: user.email,
  roles: user.roles,
  clearance: user.clearance,
  language: user.language,
  active: user.active,
  totpEnabled: user.totpEnabled,
  sso: user.oidcSubject !== null,
  lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
});

const linkOptions = { 'base-url': { type: 'string' } } as const;
const delivery = (values: Values, smtp: string | undefined) => ({
  baseUrl: optional(values, 'base-url') ?? process.env.PUBLIC_URL ?? 'http://127.0.0.1:8080',
  mail: Boolean(smtp),
});

/** Users, groups and single sign-on: the same services as the administration API, with the host's rights. */
export const ACCOUNT_COMMANDS: Record<string, Command> = {
  'user list': {
    options: stringOptions('party'),
    run: async (db, values) => (await listAccounts(db, null, required(values, 'party'))).map((r) => present(r.user)),
  },
  'user invite': {
    options: {
      ...stringOptions('party', 'username', 'name', 'email', 'roles', 'clearance', 'language'),
      group: { type: 'string', multiple: true },
      ...linkOptions,
    },
    async run(db, values, config) {
      const user = await createUser(db, {
        party: required(values, 'party'),
        username: required(values, 'username'),
        displayName: optional(values, 'name') ?? required(values, 'username'),
        email: required(values, 'email'),
        roles: roleList(required(values, 'roles'), 'roles'),
        clearance: oneOf(SENSITIVITIES, required(values, 'clearance'), 'clearance'),
        language: languageOf(values),
        groups: values.group as string[] | undefined,
      });
      const link = await db.transaction((tx) =>
        issueAccountLink(tx, user, 'invite', null, delivery(values, config.SMTP_URL), new Date()),
      );
      return { id: user.id, username: user.username, link: link.url, expiresAt: link.expiresAt, mailed: link.mailed };
    },
  },
  'user set': {
    options: stringOptions('party', 'username', 'name', 'email', 'roles', 'clearance', 'language', 'active'),
    async run(db, values) {
      const { party, user } = await accountOf(db, values);
      const updated = await updateAccount(db, null, party, user.id, {
        displayName: optional(values, 'name'),
        email: optional(values, 'email'),
        roles: values.roles ? roleList(values.roles as string, 'roles') : undefined,
        clearance: values.clearance ? oneOf(SENSITIVITIES, values.clearance as string, 'clearance') : undefined,
        language: languageOf(values),
        active: yesNo(values, 'active'),
      });
      return present(updated);
    },
  },
  'user reset-password': {
    options: { ...stringOptions('party', 'username'), ...linkOptions },
    async run(db, values, config) {
      const { party, user } = await accountOf(db, values);
      const link = await resetPassword(db, null, party, user.id, delivery(values, config.SMTP_URL));
      return { username: user.username, link: link.url, expiresAt: link.expiresAt, mailed: link.mailed };
    },
  },
  'user reset-totp': {
    options: stringOptions('party', 'username'),
    async run(db, values) {
      const { party, user } = await accountOf(db, values);
      return present(await resetSecondFactor(db, null, party, user.id));
    },
  },
  'group list': {
    options: stringOptions('party'),
    run: async (db, values) =>
      (await listGroups(db, [required(values, 'party')])).map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
  },
  'group add': {
    options: stringOptions('party', 'name', 'kind'),
    async run(db, values) {
      const group = await createGroup(db, null, required(values, 'party'), {
        name: required(values, 'name'),
        kind: oneOf(['resolver', 'level'] as const, optional(values, 'kind') ?? 'resolver', 'kind'),
      });
      return { id: group.id, name: group.name, kind: group.kind };
    },
  },
  'group rename': {
    options: stringOptions('party', 'group', 'name'),
    async run(db, values) {
      const party = required(values, 'party');
      const group = await groupOf(db, party, required(values, 'group'));
      const renamed = await renamePartyGroup(db, null, party, group.id, required(values, 'name'));
      return { id: renamed.id, name: renamed.name, kind: renamed.kind };
    },
  },
  'group member': {
    options: { ...stringOptions('party', 'group', 'username'), remove: { type: 'boolean' } },
    async run(db, values) {
      const { party, user } = await accountOf(db, values);
      const group = await groupOf(db, party, required(values, 'group'));
      const { members } = await changeGroupMembers(
        db,
        null,
        party,
        group.id,
        user.id,
        values.remove ? 'remove' : 'add',
      );
      return { group: group.name, members };
    },
  },
  'sso show': {
    options: stringOptions('party'),
    run: (db, values) => readSsoSettings(db, null, required(values, 'party')),
  },
  'sso set': {
    options: stringOptions(
      'party',
      'issuer',
      'client-id',
      'secret-env',
      'role-claim',
      'role-map',
      'clearance-claim',
      'clearance-map',
      'account-mode',
      'enabled',
    ),
    async run(db, values, config) {
      const variable = optional(values, 'secret-env');
      const secret = variable ? process.env[variable] : undefined;
      if (variable && !secret) throw new AppError('validation.required', 'secret-env', { field: `$${variable}` });
      return saveSsoSettings(
        db,
        null,
        required(values, 'party'),
        {
          issuer: required(values, 'issuer'),
          clientId: required(values, 'client-id'),
          clientSecret: secret,
          roleClaim: optional(values, 'role-claim') ?? 'groups',
          roleMap: parseMap(required(values, 'role-map'), 'role-map', (v) => roleList(v, 'role-map')),
          clearanceClaim: optional(values, 'clearance-claim') ?? 'ets_clearance',
          clearanceMap: parseMap(required(values, 'clearance-map'), 'clearance-map', (v): Sensitivity =>
            oneOf(SENSITIVITIES, v, 'clearance-map'),
          ),
          accountMode: oneOf(ACCOUNT_MODES, optional(values, 'account-mode') ?? 'link', 'account-mode'),
          enabled: yesNo(values, 'enabled') ?? true,
        },
        { secretKey: config.MAIL_SECRET_KEY, allowHttp: config.OIDC_ALLOW_HTTP },
      );
    },
  },
};
