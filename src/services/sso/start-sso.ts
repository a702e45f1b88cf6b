import * as client from 'openid-client';
import { AppError } from '../../domain/errors.ts';
import { findPartySso, insertOidcLogin } from '../../store/admin.ts';
import type { Db } from '../../store/db.ts';
import { digestOf } from '../auth/secrets.ts';
import { providerConfiguration, type OidcOptions } from './oidc-client.ts';

/** How long the person has at the provider before the sign-in under way is forgotten. */
export const LOGIN_MINUTES = 10;

/** The address the provider sends the browser back to. */
export function callbackUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/$/, '')}/api/v1/auth/oidc/callback`;
}

/**
 * IF-4: starts a sign-in at the party's provider: a fresh state, nonce and PKCE verifier are
 * kept server-side (state hashed, good once, for minutes), and the authorization URL asks for
 * a code with the S256 challenge.
 */
export async function startSso(db: Db, partyId: string, baseUrl: string, options: OidcOptions, now = new Date()) {
  const sso = await findPartySso(db, partyId);
  if (!sso?.enabled) throw new AppError('sso.not_configured', 'party');
  const config = await providerConfiguration(sso, options);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await insertOidcLogin(db, {
    stateHash: digestOf(state),
    partyId,
    nonce,
    codeVerifier,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_MINUTES * 60_000),
  });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(baseUrl),
    scope: 'openid email profile',
    response_type: 'code',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
}
