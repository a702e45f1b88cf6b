import * as client from 'openid-client';
import { AppError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { findPartySso, findPartyUsersByEmail, findUserByOidc, takeOidcLogin, updateUser } from '../../store/admin.ts';
import type { Db } from '../../store/db.ts';
import { findUserByName, type UserRow } from '../../store/directory.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { addressAllowed } from '../access/check-address.ts';
import { openSession } from '../auth/open-session.ts';
import { digestOf } from '../auth/secrets.ts';
import { insertUser } from '../parties/create-user.ts';
import { providerConfiguration, type OidcOptions } from './oidc-client.ts';
import { mapClaims, usernameFrom } from './sso-claims.ts';

export interface FinishSsoInput {
  /** The callback address as the browser reached it (redirect URI plus the provider's parameters). */
  currentUrl: URL;
  address: string;
}

/** A user name not yet taken: `name`, else `name-2`, `name-3`… */
async function freeUsername(db: Db, name: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    if (!(await findUserByName(db, candidate))) return candidate;
  }
  throw new AppError('user.exists', 'username');
}

/** The account the provider's identity stands for in this party: linked, linked now by e-mail, or created. */
async function accountFor(
  db: Db,
  partyId: string,
  mode: 'create' | 'link',
  claims: Record<string, unknown>,
  identity: { issuer: string; subject: string },
  access: { roles: Role[]; clearance: Sensitivity },
): Promise<UserRow> {
  const linked = await findUserByOidc(db, identity.issuer, identity.subject);
  if (linked && linked.partyId !== partyId) throw new AppError('sso.wrong_party');
  if (linked) return linked;
  const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email : null;
  const matches = email
    ? (await findPartyUsersByEmail(db, partyId, email)).filter((u) => u.active && !u.oidcSubject)
    : [];
  if (matches.length === 1) {
    return updateUser(db, matches[0]!.id, { oidcIssuer: identity.issuer, oidcSubject: identity.subject });
  }
  if (mode === 'link') throw new AppError('sso.no_account');
  return insertUser(
    db,
    {
      party: partyId,
      username: await freeUsername(db, usernameFrom(claims, partyId)),
      displayName: typeof claims.name === 'string' && claims.name ? claims.name : String(claims.sub),
      email: typeof claims.email === 'string' ? claims.email : undefined,
      roles: access.roles,
      clearance: access.clearance,
      oidc: identity,
    },
    null,
    null,
  );
}

/**
 * IF-4: the provider sent the browser back. The sign-in under way is taken by its state (good
 * once); the code is exchanged with the PKCE verifier; openid-client checks the state, the
 * issuer (`iss` parameter and ID token), the ID token's signature, audience, expiry and nonce.
 * The party's mapping gives roles and clearance (refused when nothing maps); the account is the
 * one linked to the identity, one of the party's linked now by verified e-mail, or — when the
 * party chose so — created. The mapping is applied at every sign-in. Then a session is opened.
 */
export async function finishSso(
  db: Db,
  input: FinishSsoInput,
  sessionOptions: { sessionHours: number; maxSessions: number },
  options: OidcOptions,
  now = new Date(),
) {
  const state = input.currentUrl.searchParams.get('state');
  const login = state ? await takeOidcLogin(db, digestOf(state), now) : null;
  if (!state || !login) throw new AppError('sso.state_invalid');
  const fail = async (error: AppError, detail?: string) => {
    await writeAudit(
      db,
      {
        actorId: null,
        party: login.partyId,
        action: 'auth.sign_in_failed',
        data: { method: 'oidc', address: input.address, reason: error.code, ...(detail ? { detail } : {}) },
      },
      now,
    );
    return error;
  };
  const sso = await findPartySso(db, login.partyId);
  if (!sso?.enabled) throw await fail(new AppError('sso.not_configured'));
  const config = await providerConfiguration(sso, options).catch(async (error: unknown) => {
    throw error instanceof AppError ? await fail(error, String(error.params?.detail ?? '')) : error;
  });
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, input.currentUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    // Providers put custom claims in the ID token or only in the userinfo answer: both are read.
    const info = config.serverMetadata().userinfo_endpoint
      ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)
      : {};
    claims = { ...info, ...idClaims };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw await fail(new AppError('sso.token_invalid', undefined, { detail }), detail);
  }
  const identity = { issuer: String(claims.iss), subject: String(claims.sub) };
  let user: UserRow;
  try {
    const access = mapClaims(sso, claims);
    user = await db.transaction(async (tx) => {
      const account = await accountFor(tx, sso.partyId, sso.accountMode, claims, identity, access);
      if (!account.active) throw new AppError('auth.invalid_credentials');
      const changed =
        account.clearance !== access.clearance ||
        account.roles.length !== access.roles.length ||
        account.roles.some((r) => !access.roles.includes(r));
      if (!changed) return account;
      const updated = await updateUser(tx, account.id, { roles: access.roles, clearance: access.clearance });
      await writeAudit(
        tx,
        {
          actorId: null,
          party: sso.partyId,
          action: 'user.update',
          targetId: account.id,
          data: {
            username: account.username,
            reason: 'sso_mapping',
            before: { roles: account.roles, clearance: account.clearance },
            after: access,
          },
        },
        now,
      );
      return updated;
    });
  } catch (error) {
    throw error instanceof AppError ? await fail(error) : error;
  }
  if (!(await addressAllowed(db, user.partyId, input.address)))
    throw await fail(new AppError('auth.invalid_credentials'));
  return openSession(db, user, sessionOptions, { address: input.address, method: 'oidc', ssoParty: sso.partyId }, now);
}
