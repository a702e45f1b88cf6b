import * as client from 'openid-client';
import { findPartySso } from '../../store/admin.ts';
import { deleteSession, findSession } from '../../store/auth.ts';
import type { Db } from '../../store/db.ts';
import { providerConfiguration, type OidcOptions } from './oidc-client.ts';

/**
 * IF-4 sign-out: the console session ends here on every node; when it was opened through the
 * party's provider, the provider's end-session address is returned so the browser ends that
 * session too (RP-initiated logout), coming back to the console.
 */
export async function endSsoSession(
  db: Db,
  sessionId: string | undefined,
  baseUrl: string,
  options: OidcOptions,
): Promise<{ redirect: string | null }> {
  if (!sessionId) return { redirect: null };
  const found = await findSession(db, sessionId, new Date());
  await deleteSession(db, sessionId);
  const partyId = found?.session.ssoParty;
  const sso = partyId ? await findPartySso(db, partyId) : null;
  if (!sso) return { redirect: null };
  try {
    const config = await providerConfiguration(sso, options);
    if (!config.serverMetadata().end_session_endpoint) return { redirect: null };
    const url = client.buildEndSessionUrl(config, {
      client_id: sso.clientId,
      post_logout_redirect_uri: `${baseUrl.replace(/\/$/, '')}/`,
    });
    return { redirect: url.href };
  } catch {
    // The provider is unreachable: the session here has ended all the same.
    return { redirect: null };
  }
}
