import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { UserRow } from '../store/directory.ts';
import type { Db } from '../store/db.ts';
import { findApiToken, findSession, touchApiToken } from '../store/auth.ts';
import { actorOf } from '../services/auth/actor.ts';
import { digestOf } from '../services/auth/secrets.ts';
import { secondFactorMissing } from '../services/auth/second-factor.ts';
import type { Actor } from '../domain/actor.ts';
import { DEFAULT_LIMITS, enforceAccess, registerDuplicateRelease, type AccessLimits } from './access-checks.ts';

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
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Who is calling: a Bearer API token, else the session cookie. Throws when neither is valid. */
async function authenticate(db: Db, request: FastifyRequest): Promise<void> {
  const now = new Date();
  const header = request.headers.authorization;
  const feed = request.routeOptions.config.calendarFeed ? (request.query as { feed?: unknown }).feed : undefined;
  const secret = header?.startsWith('Bearer ') ? header.slice(7).trim() : typeof feed === 'string' ? feed : undefined;
  if (secret !== undefined) {
    const found = await findApiToken(db, digestOf(secret), now);
    if (!found) throw new AppError('auth.token_invalid');
    // A feed token reads calendar feeds and nothing else; an API token never travels in a URL.
    if ((found.token.scope === 'calendar') !== (secret === feed)) throw new AppError('auth.token_invalid');
    if (now.getTime() - (touched.get(found.token.id) ?? 0) > 60_000) {
      touched.set(found.token.id, now.getTime());
      await touchApiToken(db, found.token.id, now);
    }
    request.actor = actorOf(found.user);
    request.authKind = 'token';
    request.tokenId = found.token.id;
    await assertSecondFactor(db, request, found.user);
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  const found = cookie ? await findSession(db, digestOf(cookie), now) : null;
  if (!found) throw new AppError('auth.required');
  request.actor = actorOf(found.user);
  request.authKind = 'session';
  request.sessionId = found.session.id;
  request.csrfToken = found.session.csrfToken;
  // CSRF: a cookie-authenticated write must echo the session's token in a header.
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, found.session.csrfToken)) throw new AppError('auth.csrf');
  }
  await assertSecondFactor(db, request, found.user);
}

/** A party that makes TOTP mandatory admits its unenrolled users (by session or token) only to enrolment. */
async function assertSecondFactor(db: Db, request: FastifyRequest, user: UserRow): Promise<void> {
  if (request.routeOptions.config.beforeTotp) return;
  if (await secondFactorMissing(db, user)) throw new AppError('auth.totp_mandatory');
}

/** Authenticates every /api/v1 route not marked public. */
export function registerAuth(app: FastifyInstance, db: Db, limits: AccessLimits = DEFAULT_LIMITS) {
  app.addHook('preHandler', async (request, reply) => {
    // Decide on the matched route, not the raw request target (which may be absolute-form).
    if (!(request.routeOptions.url ?? '').startsWith('/api/v1/') || request.routeOptions.config.public) return;
    await authenticate(db, request);
    await enforceAccess(db, limits, request, reply, request.tokenId, request.sessionId);
  });
  registerDuplicateRelease(app, db);
}

/** The authenticated actor of a route that is not public. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}
