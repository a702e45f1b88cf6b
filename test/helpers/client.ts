import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

// Tests read replies loosely: a mistyped path fails the assertion, not the compiler.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Client {
  get(path: string, headers?: Record<string, string>): Promise<Reply<Json>>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<Json>>;
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply<Json>>;
  put(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply<Json>>;
  del(path: string, headers?: Record<string, string>): Promise<Reply<Json>>;
}

async function call(
  base: string,
  method: string,
  path: string,
  auth: Record<string, string>,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<Json>> {
  const init: RequestInit = { method, headers: { ...auth, ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await fetch(`${base}/api/v1${path}`, init);
  const textBody = await response.text();
  return { status: response.status, body: textBody ? JSON.parse(textBody) : null, headers: response.headers };
}

export function clientWith(base: string, auth: Record<string, string>): Client {
  return {
    get: (path, headers) => call(base, 'GET', path, auth, undefined, headers),
    post: (path, body = {}, headers) => call(base, 'POST', path, auth, body, headers),
    patch: (path, body, headers) => call(base, 'PATCH', path, auth, body, headers),
    put: (path, body, headers) => call(base, 'PUT', path, auth, body, headers),
    del: (path, headers) => call(base, 'DELETE', path, auth, undefined, headers),
  };
}

/** Signs in through the API like the console does: session cookie plus CSRF header. */
export async function signIn(base: string, username: string, password = DEMO_PASSWORD, totp?: string): Promise<Client> {
  return clientWith(base, await signInHeaders(base, username, password, totp));
}

/** The headers a signed-in console sends: the session cookie and the CSRF token. */
export async function signInHeaders(
  base: string,
  username: string,
  password = DEMO_PASSWORD,
  totp?: string,
): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...(totp ? { totp } : {}) }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** A client authenticated with an API token. */
export function withToken(base: string, token: string): Client {
  return clientWith(base, { authorization: `Bearer ${token}` });
}

/** A client with no credentials. */
export function anonymous(base: string): Client {
  return clientWith(base, {});
}

/** A valid incident body, with overrides. */
export function incidentBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Link endpoint times out',
    description: 'Monitoring alarms since 07:40',
    service: 'Link',
    impact: 'I2',
    criticality: 'C1',
    ...overrides,
  };
}
