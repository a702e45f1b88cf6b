import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import type { Db } from '../store/db.ts';
import { registerAuth } from './auth-hook.ts';
import { sendError, toAppError } from './errors.ts';
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
import { auditRoutes } from './routes/audit.ts';
import { backupRoutes, exportRoutes, offboardingRoutes } from './routes/exports.ts';
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
  const app = Fastify({
    ...(cert && key ? { https: { cert: readFileSync(cert), key: readFileSync(key) } } : {}),
    logger: options.config.LOG_LEVEL === 'silent' ? false : { level: options.config.LOG_LEVEL },
    bodyLimit: options.config.BODY_LIMIT_BYTES,
    trustProxy: options.config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Passerelle API', version: '1', description: 'Joint operations desk for linked organisations.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'passerelle_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, toAppError(request, error as Error)));
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
      await api.register(auditRoutes(deps));
      await api.register(exportRoutes(deps));
      await api.register(offboardingRoutes(deps));
      await api.register(backupRoutes(deps));
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
