import type { Actor } from '../../domain/actor.ts';
import { assertMayGrant, type AccountMode } from '../../domain/admin.ts';
import { AppError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import { SENSITIVITIES, sensitivityRank, type Sensitivity } from '../../domain/sensitivity.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { findPartySso, listSsoParties, upsertPartySso, type PartySsoRow } from '../../store/admin.ts';
import type { Db } from '../../store/db.ts';
import { findParty } from '../../store/directory.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { mailKey, sealSecret } from '../mail/mail-secret.ts';

export interface SsoSettingsInput {
  issuer: string;
  clientId: string;
  /** Required the first time; absent later: the stored secret is kept. */
  clientSecret?: string | undefined;
  roleClaim: string;
  roleMap: Record<string, Role[]>;
  clearanceClaim: string;
  clearanceMap: Record<string, Sensitivity>;
  accountMode: AccountMode;
  enabled: boolean;
}

/** The settings as shown to the party's administrators: never the secret, only whether one is stored. */
export function presentSso(row: PartySsoRow) {
  const { clientSecretSealed, ...rest } = row;
  return { ...rest, hasClientSecret: clientSecretSealed.length > 0 };
}

/** An issuer is an https URL (http only when OIDC_ALLOW_HTTP is set, for tests and labs). */
export function assertIssuer(issuer: string, allowHttp: boolean): void {
  let url: URL | null = null;
  try {
    url = new URL(issuer);
  } catch {
    url = null;
  }
  if (!url || !(url.protocol === 'https:' || (allowHttp && url.protocol === 'http:')) || url.search || url.hash)
    throw new AppError('validation.invalid', 'issuer', {
      field: 'issuer',
      detail: allowHttp ? 'http(s) URL' : 'https URL',
    });
}

/** IF-4: a party's single sign-on settings, for its own administrators. */
export async function readSsoSettings(db: Db, actor: Actor | null, partyId: string) {
  if (actor) assertAdministersParty(actor, partyId);
  const row = await findPartySso(db, partyId);
  return row ? presentSso(row) : null;
}

/** The parties offering single sign-on, for the sign-in page. */
export function readSsoParties(db: Db) {
  return listSsoParties(db);
}

/**
 * IF-4: sets a party's OpenID Connect provider. The client secret is sealed like the
 * mailboxes' (MAIL_SECRET_KEY). The mapping can only hand out what the administrator may
 * grant (roles as ISM-6 allows, clearance up to their own), since accounts get it without them.
 */
export async function saveSsoSettings(
  db: Db,
  actor: Actor | null,
  partyId: string,
  input: SsoSettingsInput,
  options: { secretKey: string | undefined; allowHttp: boolean },
) {
  if (actor) assertAdministersParty(actor, partyId);
  assertIssuer(input.issuer, options.allowHttp);
  if (Object.keys(input.roleMap).length === 0)
    throw new AppError('validation.required', 'roleMap', { field: 'roleMap' });
  if (Object.keys(input.clearanceMap).length === 0)
    throw new AppError('validation.required', 'clearanceMap', { field: 'clearanceMap' });
  if (actor) {
    const roles = [...new Set(Object.values(input.roleMap).flat())];
    const highest = Object.values(input.clearanceMap).reduce<Sensitivity>(
      (a, b) => (sensitivityRank(b) > sensitivityRank(a) ? b : a),
      SENSITIVITIES[0],
    );
    assertMayGrant(actor, { roles: [], clearance: null }, { roles, clearance: highest });
  }
  const key = mailKey(options.secretKey);
  return db.transaction(async (tx) => {
    if (!(await findParty(tx, partyId))) throw new AppError('party.not_found', 'id');
    const existing = await findPartySso(tx, partyId);
    if (!input.clientSecret && !existing)
      throw new AppError('validation.required', 'clientSecret', { field: 'clientSecret' });
    const row = await upsertPartySso(tx, {
      partyId,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretSealed: input.clientSecret ? sealSecret(key, input.clientSecret) : existing!.clientSecretSealed,
      roleClaim: input.roleClaim,
      roleMap: input.roleMap,
      clearanceClaim: input.clearanceClaim,
      clearanceMap: input.clearanceMap,
      accountMode: input.accountMode,
      enabled: input.enabled,
      updatedAt: new Date(),
    });
    const { clientSecret: _secret, ...logged } = input;
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      party: partyId,
      action: 'party.sso',
      targetId: partyId,
      data: { ...logged, clientSecretChanged: Boolean(input.clientSecret) },
    });
    return presentSso(row);
  });
}
