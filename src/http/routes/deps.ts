import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db, ServiceContext } from '../../services/write-path/context.ts';

/** What routes need from the app: the store, the config and a way to build a service context. */
export interface RouteDeps {
  db: Db;
  config: Config;
  instanceId: string;
  ctx(request: FastifyRequest): ServiceContext;
}
