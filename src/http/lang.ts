import type { FastifyRequest } from 'fastify';
import { langFromHeader } from '../i18n/messages.ts';
import type { Lang } from '../domain/lang.ts';

/** The caller's language: Accept-Language when sent, else the signed-in user's, else English. */
export function requestLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (header) return langFromHeader(header);
  return request.actor?.language ?? 'en';
}
