import * as client from 'openid-client';
import { AppError } from '../../domain/errors.ts';
import type { PartySsoRow } from '../../store/admin.ts';
import { mailKey, openSecret } from '../mail/mail-secret.ts';

export interface OidcOptions {
  secretKey: string | undefined;
  allowHttp: boolean;
}

// One discovered configuration per settings version: the provider's metadata and keys are fetched once.
const cache = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration, discovered from its issuer (the discovered issuer must equal
 * the configured one: a wrong issuer is refused), with the party's client secret opened.
 */
export function providerConfiguration(sso: PartySsoRow, options: OidcOptions): Promise<client.Configuration> {
  const key = `${sso.partyId}|${sso.issuer}|${sso.clientId}|${sso.updatedAt.toISOString()}`;
  let found = cache.get(key);
  if (!found) {
    const secret = openSecret(mailKey(options.secretKey), sso.clientSecretSealed);
    found = client
      .discovery(
        new URL(sso.issuer),
        sso.clientId,
        undefined,
        client.ClientSecretBasic(secret),
        options.allowHttp ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        cache.delete(key);
        throw new AppError('sso.provider_error', 'issuer', {
          detail: error instanceof Error ? error.message : String(error),
        });
      });
    cache.set(key, found);
  }
  return found;
}
