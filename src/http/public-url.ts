import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/** The console's address for links and the OpenID redirect: PUBLIC_URL, else the one the request came to. */
export function publicUrlOf(config: Config, request: FastifyRequest): string {
  return config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
}
