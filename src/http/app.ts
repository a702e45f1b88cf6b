import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import type { Db } from '../store/db.ts';
import { registerAuth } from './auth-hook.ts';
import { registerBodyChecks } from './body-checks.ts';
import { sendError, toAppError } from './errors.ts';
import { openapiBase, transform, transformObject } from './openapi.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { authRoutes } from './routes/auth.ts';
import type { RouteDeps } from './routes/deps.ts';
import { calendarRoutes } from './routes/calendars.ts';
import { directoryRoutes } from './routes/directory.ts';
import { serviceLevelRoutes } from './routes/service-levels.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { ticketActionRoutes } from './routes/ticket-actions.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { accessReviewRoutes } from './routes/access-reviews.ts';
import { accessRoutes } from './routes/access.ts';
import { maintenanceRoutes } from './routes/maintenance.ts';
import { processRoutes } from './routes/processes.ts';
import { securityRoutes } from './routes/security.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { assetRoutes } from './routes/assets.ts';
import { requireActor } from './auth-hook.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  instanceId: string;
  /** Folder of the built console; served at / when it exists. */
  webRoot?: string;
}

const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Builds the HTTP application: API under /api/v1, its OpenAPI document, and the console. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } = options.config;
  // ISM-8: a client whose headers or body arrive too slowly is cut off (slow-loris), however it sends them.
  const timeouts = {
    headersTimeout: options.config.HEADERS_TIMEOUT_MS,
    requestTimeout: options.config.REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: Math.min(1000, options.config.HEADERS_TIMEOUT_MS),
  };
  const app = Fastify({
    ...(cert && key ? { https: { cert: readFileSync(cert), key: readFileSync(key), ...timeouts } } : {}),
    http: timeouts,
    requestTimeout: options.config.REQUEST_TIMEOUT_MS,
    connectionTimeout: options.config.IDLE_TIMEOUT_MS,
    logger: options.config.LOG_LEVEL === 'silent' ? false : { level: options.config.LOG_LEVEL },
    bodyLimit: options.config.BODY_LIMIT_BYTES,
    trustProxy: options.config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(swagger, { openapi: openapiBase, transform, transformObject });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, toAppError(request, error as Error)));
  registerSecurityHeaders(app, { hsts: Boolean(cert && key) || options.config.SECURE_COOKIES });
  registerBodyChecks(app);
  registerAuth(app, options.db, options.config);

  const deps: RouteDeps = {
    db: options.db,
    config: options.config,
    instanceId: options.instanceId,
    ctx: (request) => ({
      db: options.db,
      actor: requireActor(request),
      instanceId: options.instanceId,
      channel: request.authKind === 'token' ? 'api' : 'console',
      mail: Boolean(options.config.SMTP_URL),
      address: request.ip,
    }),
  };
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(directoryRoutes(deps));
      await api.register(ticketRoutes(deps));
      await api.register(ticketActionRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(calendarRoutes(deps));
      await api.register(serviceLevelRoutes(deps));
      await api.register(maintenanceRoutes(deps));
      await api.register(processRoutes(deps));
      await api.register(catalogueRoutes(deps));
      await api.register(securityRoutes(deps));
      await api.register(attachmentRoutes(deps));
      await api.register(assetRoutes(deps));
      await api.register(certificateRoutes(deps));
      await api.register(accessReviewRoutes(deps));
      await api.register(accessRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());
  app.get('/api/health', { schema: { hide: true }, config: { public: true } }, () => ({ status: 'ok' }));

  const webRoot = options.webRoot ?? defaultWebRoot;
  const hasConsole = existsSync(`${webRoot}/index.html`);
  if (hasConsole) await app.register(fastifyStatic, { root: webRoot, wildcard: true });
  app.setNotFoundHandler((request, reply) => {
    // Console routes fall back to index.html; a missing file (a name with an extension) is a 404.
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path) || !hasConsole || request.method !== 'GET')
      return sendError(request, reply, new AppError('request.not_found'));
    return reply.sendFile('index.html');
  });
  return app;
}
