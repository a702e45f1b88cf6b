import { exchangeRoutes } from './routes/exchanges.ts';
import { glossaryRoutes } from './routes/glossary.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { contactRoutes } from './routes/contacts.ts';
import { vulnerabilityRoutes, wellKnownRoutes } from './routes/vulnerabilities.ts';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { projectPath } from '../paths.ts';
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
import { frameworkError, sendError, toAppError } from './errors.ts';
import { openapiBase, transform, transformObject } from './openapi.ts';
import { strictBody } from '../contract/schemas.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import type { z } from 'zod';
import { authRoutes } from './routes/auth.ts';
import { adminRoutes } from './routes/admin.ts';
import { ssoRoutes } from './routes/sso.ts';
import type { RouteDeps } from './routes/deps.ts';
import { calendarRoutes } from './routes/calendars.ts';
import { directoryRoutes } from './routes/directory.ts';
import { serviceLevelRoutes } from './routes/service-levels.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { savedViewRoutes } from './routes/saved-views.ts';
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
import { mailRoutes } from './routes/mail.ts';
import { auditRoutes } from './routes/audit.ts';
import { agreementRoutes } from './routes/agreement.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { searchRoutes } from './routes/search.ts';
import { wikiRoutes } from './routes/wiki.ts';
import { backupRoutes, exportRoutes, offboardingRoutes } from './routes/exports.ts';
import { requireActor } from './auth-hook.ts';
import { eventRoutes } from './routes/events.ts';
import { startTicketFeed } from '../services/live/ticket-feed.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  instanceId: string;
  /** Folder of the built console; served at / when it exists. */
  webRoot?: string;
}

const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MAX_MS = 10_000;

/** Reads and discards the rest of a refused body; true once it was read to its end (within bounds). */
function drainBody(raw: IncomingMessage): Promise<boolean> {
  if (raw.complete) return Promise.resolve(true);
  if (raw.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', finish);
      raw.off('error', finish);
      raw.off('close', finish);
      resolve(raw.complete);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_MAX_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_MAX_MS);
    raw.on('data', onData);
    raw.once('end', finish);
    raw.once('error', finish);
    raw.once('close', finish);
    raw.resume();
  });
}

/** Whether a body's declared charset, if any, is UTF-8 (JSON is UTF-8 by definition, RFC 8259). */
function isUtf8Body(contentType: string | undefined): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

const defaultWebRoot = projectPath('dist', 'web');

/** Builds the HTTP application: API under /api/v1, its OpenAPI document, and the console. */
/** A build output under assets/ whose name carries its content hash (index-G1rcbery.js). */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.[\w.]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

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
    // Router-level refusals use the one error shape too (NFR-2).
    frameworkErrors: (error, request, reply) => {
      void sendError(request, reply, frameworkError(error));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // NFR-2: request bodies are JSON in UTF-8 only; anything else is a 415 (no text/plain parser).
  app.removeContentTypeParser('text/plain');
  app.addHook('preParsing', async (request) => {
    if (!isUtf8Body(request.headers['content-type'])) throw new AppError('request.unsupported_media_type');
  });
  // NFR-2: every request body is strict (an unknown field is a 400 naming it).
  app.addHook('onRoute', (route) => {
    if (route.schema?.body) route.schema.body = strictBody(route.schema.body as z.core.$ZodType);
  });

  await app.register(cookie);
  await app.register(swagger, { openapi: openapiBase, transform, transformObject });

  app.setErrorHandler(async (error, request, reply) => {
    const appError = toAppError(request, error as Error);
    // An oversized body is read to its end (bounded) before the 413, so the client, still
    // sending, can read the answer; the connection then stays usable.
    if (appError.code === 'request.too_large' && (await drainBody(request.raw))) reply.removeHeader('connection');
    return sendError(request, reply, appError);
  });
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
  // Live updates: one feed per app, hearing the store's change announcements; its streams end before the server closes.
  const feed = startTicketFeed(options.db, {
    streamsPerCredential: options.config.EVENT_STREAMS_PER_SESSION,
    streamsPerUser: options.config.EVENT_STREAMS_PER_USER,
    streamsPerNode: options.config.EVENT_STREAMS_PER_NODE,
    recheckMs: options.config.EVENTS_RECHECK_MS,
    log: (error) => app.log.error({ err: error }, 'live updates failed'),
  });
  app.addHook('preClose', async () => feed.closeAll());
  app.addHook('onClose', async () => feed.stop());
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(eventRoutes(deps, feed));
      await api.register(adminRoutes(deps));
      await api.register(ssoRoutes(deps));
      await api.register(directoryRoutes(deps));
      await api.register(ticketRoutes(deps));
      await api.register(searchRoutes(deps));
      await api.register(wikiRoutes(deps));
      await api.register(ticketActionRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(savedViewRoutes(deps));
      await api.register(calendarRoutes(deps));
      await api.register(serviceLevelRoutes(deps));
      await api.register(maintenanceRoutes(deps));
      await api.register(processRoutes(deps));
      await api.register(catalogueRoutes(deps));
      await api.register(securityRoutes(deps));
      await api.register(attachmentRoutes(deps));
      await api.register(agreementRoutes(deps));
      await api.register(webhookRoutes(deps));
      await api.register(assetRoutes(deps));
      await api.register(mailRoutes(deps));
      await api.register(certificateRoutes(deps));
      await api.register(accessReviewRoutes(deps));
      await api.register(accessRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(exportRoutes(deps));
      await api.register(offboardingRoutes(deps));
      await api.register(backupRoutes(deps));
      await api.register(vulnerabilityRoutes(deps));
      await api.register(contactRoutes(deps));
      await api.register(glossaryRoutes(deps));
      await api.register(exchangeRoutes(deps));
      await api.register(meetingRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  await app.register(wellKnownRoutes(deps));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());
  app.get('/api/health', { schema: { hide: true }, config: { public: true } }, () => ({ status: 'ok' }));

  const webRoot = options.webRoot ?? defaultWebRoot;
  const hasConsole = existsSync(`${webRoot}/index.html`);
  if (hasConsole)
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      // The build writes .br and .gz next to each asset (src/web/precompress.ts): sent as they are.
      preCompressed: true,
      // Hashed names never change content: cached for a year; index.html is checked every time.
      setHeaders: (reply, path) => {
        reply.header('cache-control', HASHED_ASSET.test(path) ? IMMUTABLE : 'no-cache');
      },
    });
  app.setNotFoundHandler((request, reply) => {
    // Console routes fall back to index.html; a missing file (a name with an extension) is a 404.
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path) || !hasConsole || request.method !== 'GET')
      return sendError(request, reply, new AppError('request.not_found'));
    return reply.sendFile('index.html');
  });
  return app;
}
