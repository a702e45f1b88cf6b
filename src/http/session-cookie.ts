import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { SESSION_COOKIE } from './auth-hook.ts';

/** How long a new session lasts and how many one user keeps (SESSION_HOURS, MAX_SESSIONS_PER_USER; ISM-8). */
export function sessionLimits(config: Config) {
  return { sessionHours: config.SESSION_HOURS, maxSessions: config.MAX_SESSIONS_PER_USER };
}

/**
 * Hands a new session to the browser: an HTTP-only cookie, secure over HTTPS (always with
 * SECURE_COOKIES), kept as long as the session lasts. `sameSite` is strict, except where the cookie
 * is set on a redirect that started at another site (single sign-on: lax).
 */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: Config,
  token: string,
  sameSite: 'strict' | 'lax',
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite,
    secure: config.SECURE_COOKIES || request.protocol === 'https',
    maxAge: config.SESSION_HOURS * 3600,
  });
}

/** Ends the browser's session cookie (sign-out). */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
