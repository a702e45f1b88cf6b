import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { assertAddressAllowed } from '../services/access/check-address.ts';
import { duplicateKey, isDuplicate, rateKey, waitAfter, type Counters, type Hit } from '../services/access/throttle.ts';
import type { Db } from '../store/db.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The duplicate-request key this write claimed (released if the write fails). */
    duplicateKey?: string;
  }
}

/** The ISM-8 limits in force; tests and a bare `registerAuth` call get the defaults. */
export type AccessLimits = Pick<
  Config,
  'API_RATE_LIMIT' | 'SESSION_RATE_LIMIT' | 'API_RATE_WINDOW_SECONDS' | 'DUPLICATE_WINDOW_MS'
>;
export const DEFAULT_LIMITS: AccessLimits = {
  API_RATE_LIMIT: 600,
  SESSION_RATE_LIMIT: 600,
  API_RATE_WINDOW_SECONDS: 60,
  DUPLICATE_WINDOW_MS: 1000,
};

/** The ISM-8 counts authentication already made for a request (on PostgreSQL, with its auth stamp). */
export interface Counted {
  /** The request's rate-limit hit (none when the limit is off). */
  rate?: Hit;
  /** The duplicate key of the write, counted in the same statement: a count of 1 is this request's claim. */
  duplicate?: { key: string; count: number };
}

/**
 * The key under which a write is checked for duplicates (ISM-8): who sends it (the Bearer token,
 * else the user), its method, its matched route and parameters, and its body. Undefined for a
 * read, or when duplicates are not checked.
 */
export function duplicateKeyOf(
  request: FastifyRequest,
  sender: { tokenId: string | undefined; userId: string },
  limits: AccessLimits,
): string | undefined {
  if (SAFE_METHODS.has(request.method) || limits.DUPLICATE_WINDOW_MS <= 0) return undefined;
  const principal = sender.tokenId ? `t:${sender.tokenId}` : `u:${sender.userId}`;
  // The matched route and its parameters, not the raw URL: an added query string is the same write.
  const target = `${request.routeOptions.url ?? request.url} ${JSON.stringify(request.params ?? {})}`;
  return duplicateKey(principal, request.method, target, request.body);
}

/**
 * ISM-8, after authentication: the party's IP allow-list, the rate limit per Bearer token and
 * per console session, and identical writes at most once per window. The counters are shared by
 * every node (in the database) on PostgreSQL, in memory on the embedded store (one process);
 * `counted` holds what authentication already counted for this request, not counted again.
 */
export async function enforceAccess(
  db: Db,
  counters: Counters,
  limits: AccessLimits,
  request: FastifyRequest,
  reply: FastifyReply,
  counted?: Counted,
): Promise<void> {
  const actor = request.actor!;
  const { tokenId, sessionId } = request;
  await assertAddressAllowed(db, actor.party, request.ip);
  const windowMs = limits.API_RATE_WINDOW_SECONDS * 1000;
  await counters.sweep(Math.max(windowMs, limits.DUPLICATE_WINDOW_MS) + 60_000);
  const limited = rateKey(tokenId, sessionId);
  const limit = tokenId ? limits.API_RATE_LIMIT : limits.SESSION_RATE_LIMIT;
  if (limited && limit > 0) {
    const wait = waitAfter(counted?.rate ?? (await counters.hit(limited, windowMs)), limit);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      throw new AppError('request.rate_limited', undefined, { seconds: wait });
    }
  }
  const key = duplicateKeyOf(request, { tokenId, userId: actor.id }, limits);
  if (key) {
    // Authentication counted the same key (a credential keeps its token and its user).
    const claim = counted?.duplicate;
    if (claim?.key === key ? claim.count > 1 : await isDuplicate(counters, key, limits.DUPLICATE_WINDOW_MS)) {
      throw new AppError('request.duplicate', undefined, {
        seconds: Math.max(1, Math.ceil(limits.DUPLICATE_WINDOW_MS / 1000)),
      });
    }
    request.duplicateKey = key;
  }
}

/**
 * A write that failed (4xx/5xx) gives its claim back before the answer leaves, so correcting
 * the cause and sending the same request again is not refused as a duplicate.
 */
export function registerDuplicateRelease(app: FastifyInstance, counters: () => Counters): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.duplicateKey && reply.statusCode >= 400) await counters().release(request.duplicateKey);
    return payload;
  });
}
