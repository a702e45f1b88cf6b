import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import { storeKindOf, type Db } from '../store/db.ts';
import { readAuthStamp, touchApiToken } from '../store/auth.ts';
import { countHitsAndStamp, type HitWindow } from '../store/access.ts';
import { actorOf } from '../services/auth/actor.ts';
import { CredentialCache, type Credential, type CredentialFacts } from '../services/auth/credential-cache.ts';
import { digestOf } from '../services/auth/secrets.ts';
import { countersFor, rateKey, type Counters } from '../services/access/throttle.ts';
import type { Actor } from '../domain/actor.ts';
import {
  DEFAULT_LIMITS,
  duplicateKeyOf,
  enforceAccess,
  registerDuplicateRelease,
  type AccessLimits,
  type Counted,
} from './access-checks.ts';

export const SESSION_COOKIE = 'passerelle_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    authKind?: 'session' | 'token';
    tokenId?: string;
    sessionId?: string;
    csrfToken?: string;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Reachable before a mandatory second factor is enrolled. */
    beforeTotp?: boolean;
    /** A calendar feed: also reachable with a read-only feed token in `?feed=` (calendar clients send no headers). */
    calendarFeed?: boolean;
  }
}

/** When this process last recorded each token's use (`last_used_at` is kept to the minute). */
const touched = new Map<string, number>();
const TOUCH_EVERY_MS = 60_000;
/** Beyond this many tokens, the entries over a minute old are forgotten (their next use is recorded anyway). */
const TOUCHED_MAX = 10_000;

function rememberTouch(tokenId: string, at: number) {
  if (touched.size >= TOUCHED_MAX) for (const [id, last] of touched) if (at - last > TOUCH_EVERY_MS) touched.delete(id);
  touched.set(tokenId, at);
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type Presented = Credential & { secret?: string; feed?: string };

/** The credential a request presents: a Bearer API token (or a feed token in `?feed=`), else the session cookie. */
function presented(request: FastifyRequest): Presented | null {
  const header = request.headers.authorization;
  const feed = request.routeOptions.config.calendarFeed ? (request.query as { feed?: unknown }).feed : undefined;
  const secret = header?.startsWith('Bearer ') ? header.slice(7).trim() : typeof feed === 'string' ? feed : undefined;
  if (secret !== undefined)
    return { kind: 'token', digest: digestOf(secret), secret, ...(typeof feed === 'string' ? { feed } : {}) };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { kind: 'session', digest: digestOf(cookie) } : null;
}

/** A feed token reads calendar feeds and nothing else; an API token never travels in a URL. */
function tokenFits(credential: Presented, facts: CredentialFacts): boolean {
  return credential.kind !== 'token' || (facts.token!.scope === 'calendar') === (credential.secret === credential.feed);
}

/**
 * Whether facts admit the request before the ISM-8 counters: the checks authentication made when
 * it read the database every time, in the same order. Throws the refusal, else returns.
 */
function admit(request: FastifyRequest, credential: Presented, facts: CredentialFacts) {
  if (!tokenFits(credential, facts)) throw new AppError('auth.token_invalid');
  if (credential.kind === 'session' && !SAFE_METHODS.has(request.method)) {
    // CSRF: a cookie-authenticated write must echo the session's token in a header.
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, facts.session!.csrfToken)) throw new AppError('auth.csrf');
  }
  // A party that makes TOTP mandatory admits its unenrolled users (by session or token) only to enrolment.
  if (!request.routeOptions.config.beforeTotp && facts.requireTotp && !facts.user.totpEnabled)
    throw new AppError('auth.totp_mandatory');
}

/** Whether facts admit the request (as `admit`, without throwing). */
function admits(request: FastifyRequest, credential: Presented, facts: CredentialFacts) {
  try {
    admit(request, credential, facts);
    return true;
  } catch {
    return false;
  }
}

/**
 * Who is calling, from this node's copy of the credential when it holds (see CredentialCache),
 * else from the database. On PostgreSQL a copy is confirmed by the stamp that the request's
 * rate-limit count returns: that count is then the request's, and is returned, with a write's
 * duplicate claim counted by the same statement. Throws when the credential is not valid or
 * refuses the request.
 */
async function authenticate(
  credentials: CredentialCache,
  counters: Counters,
  limits: AccessLimits,
  request: FastifyRequest,
): Promise<Counted | undefined> {
  const now = new Date();
  const credential = presented(request);
  if (!credential) throw new AppError('auth.required');
  let facts = credentials.get(credential, now);
  // A copy that would refuse is read again: refusals are rare and must not rest on a stale copy.
  if (facts && !admits(request, credential, facts)) facts = undefined;
  let counted: Counted | undefined;
  if (facts && credentials.shared) {
    const limit = facts.token ? limits.API_RATE_LIMIT : limits.SESSION_RATE_LIMIT;
    const windows: HitWindow[] = [];
    if (limit > 0)
      windows.push({
        key: rateKey(facts.token?.id, facts.session?.id)!,
        windowMs: limits.API_RATE_WINDOW_SECONDS * 1000,
      });
    // A write's duplicate key is counted by the same statement, after the rate key (one lock order).
    const duplicate = duplicateKeyOf(request, { tokenId: facts.token?.id, userId: facts.user.id }, limits);
    if (duplicate) windows.push({ key: duplicate, windowMs: limits.DUPLICATE_WINDOW_MS });
    if (windows.length > 0) {
      const { hits, stamp } = await countHitsAndStamp(credentials.db, windows);
      counted = limit > 0 ? { rate: hits[0]! } : {};
      if (duplicate) {
        const claim = hits.at(-1)!;
        counted.duplicate = { key: duplicate, count: claim.count };
        // This request's claim, given back if anything refuses the request from here on (registerDuplicateRelease).
        if (claim.count === 1) request.duplicateKey = duplicate;
      }
      if (!credentials.confirmed(facts, stamp)) facts = undefined;
    } else if (!credentials.confirmed(facts, await readAuthStamp(credentials.db))) facts = undefined;
  }
  facts ??= (await credentials.load(credential, now)) ?? undefined;
  if (!facts) throw new AppError(credential.kind === 'token' ? 'auth.token_invalid' : 'auth.required');
  if (!tokenFits(credential, facts)) throw new AppError('auth.token_invalid');
  if (facts.token && now.getTime() - (touched.get(facts.token.id) ?? 0) > TOUCH_EVERY_MS) {
    rememberTouch(facts.token.id, now.getTime());
    await touchApiToken(credentials.db, facts.token.id, now);
  }
  request.actor = actorOf(facts.user);
  if (facts.token) {
    request.authKind = 'token';
    request.tokenId = facts.token.id;
  } else {
    request.authKind = 'session';
    request.sessionId = facts.session!.id;
    request.csrfToken = facts.session!.csrfToken;
  }
  admit(request, credential, facts);
  return counted;
}

/** Authenticates every /api/v1 route not marked public. */
export function registerAuth(app: FastifyInstance, db: Db, limits: AccessLimits = DEFAULT_LIMITS) {
  // Set up at the first request: building the app (the OpenAPI document) touches no store.
  let state: { credentials: CredentialCache; counters: Counters } | undefined;
  const ready = () => {
    if (!state) {
      const shared = storeKindOf(db) === 'postgres';
      state = { credentials: new CredentialCache(db, shared), counters: countersFor(db, shared) };
    }
    return state;
  };
  app.addHook('onClose', async () => state?.credentials.close());
  app.addHook('preHandler', async (request, reply) => {
    // Decide on the matched route, not the raw request target (which may be absolute-form).
    if (!(request.routeOptions.url ?? '').startsWith('/api/v1/') || request.routeOptions.config.public) return;
    const { credentials, counters } = ready();
    const counted = await authenticate(credentials, counters, limits, request);
    await enforceAccess(db, counters, limits, request, reply, counted);
  });
  registerDuplicateRelease(app, () => ready().counters);
}

/** The authenticated actor of a route that is not public. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}
