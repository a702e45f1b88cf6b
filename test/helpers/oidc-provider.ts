import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Claims of a person at the test provider (`sub` is the login typed on its page). */
export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
  groups?: string[];
  ets_clearance?: string;
}

export interface TestProvider {
  issuer: string;
  port: number;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, ProviderAccount>;
  /** When true, ID tokens are issued already expired (an hour ago). */
  expireIdTokens: boolean;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on a loopback port, with one confidential
 * client for Passerelle, PKCE required, its development login and consent pages, RP-initiated
 * logout, and the `groups` and `ets_clearance` claims in the profile scope.
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  clientId?: string;
  accounts?: Record<string, ProviderAccount>;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const clientId = options.clientId ?? 'passerelle';
  const clientSecret = `secret-${port}-${Math.random().toString(36).slice(2)}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'groups', 'ets_clearance'],
    },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: [`cookie-key-${port}`] },
  });
  const handle: TestProvider = {
    issuer,
    port,
    clientId,
    clientSecret,
    accounts,
    expireIdTokens: false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  // An expired ID token, as a provider with a wrong clock would issue: signed as usual, `exp` an hour ago.
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = function (this: unknown, opts?: { use?: string; expiresAt?: number }) {
    if (handle.expireIdTokens && opts?.use === 'idtoken')
      return issue.call(this as never, { ...opts, expiresAt: Math.floor(Date.now() / 1000) - 3600 } as never);
    return issue.call(this as never, opts as never);
  } as typeof issue;
  const handler = provider.callback();
  server.on('request', (req, res) => void handler(req, res));
  return handle;
}

/** A minimal cookie jar (name → value) for one site, enough for the provider's pages. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Goes through the provider's pages as a person would: from the authorization URL, the login
 * page (as `login`) and the consent page, until the provider redirects to `stopAt`; returns that URL.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, stopAt: string, jar = new CookieJar()) {
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(stopAt)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action) throw new Error(`provider page ${response.status}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const body = new URLSearchParams(
      prompt === 'login' ? { prompt, login, password: 'any' } : { prompt: prompt ?? '' },
    );
    const posted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    jar.take(posted);
    const next = posted.headers.get('location');
    if (!next)
      throw new Error(`provider answered ${posted.status} to ${prompt}: ${(await posted.text()).slice(0, 300)}`);
    url = new URL(next, url).href;
  }
  throw new Error('the provider never redirected back');
}
