import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../../domain/notifications.ts';
import {
  markOwnRead,
  ownNotifications,
  ownPreferences,
  setOwnPreferences,
} from '../../services/notifications/own-notifications.ts';
import { requireActor } from '../auth-hook.ts';
import { requestLang } from '../lang.ts';
import { errorResponses } from '../../contract/schemas.ts';
import { NotificationList, NotificationPref } from '../../contract/services.ts';
import type { RouteDeps } from './deps.ts';

/** In-app notifications and per-user preferences (COL-1). */
export const notificationRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'My notifications, newest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: {
            200: NotificationList,
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const result = await ownNotifications(
          deps.db,
          requireActor(request),
          requestLang(request),
          request.query.limit,
        );
        return {
          unread: result.unread,
          items: result.items.map((n) => ({
            ...n,
            createdAt: n.createdAt.toISOString(),
            readAt: n.readAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.post(
      '/notifications/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark notifications read (ids, or all)',
          body: z.object({ ids: z.array(z.uuid()).max(500).optional(), all: z.boolean().optional() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await markOwnRead(deps.db, requireActor(request), request.body.all ? 'all' : (request.body.ids ?? []));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me/notification-preferences',
      {
        schema: {
          tags: ['notifications'],
          summary: 'My notification preferences',
          response: { 200: z.object({ items: z.array(NotificationPref) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: await ownPreferences(deps.db, requireActor(request)),
      }),
    );

    app.put(
      '/me/notification-preferences',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Change my notification preferences',
          body: z.object({ items: z.array(NotificationPref).max(NOTIFICATION_KINDS.length) }),
          response: { 200: z.object({ items: z.array(NotificationPref) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: await setOwnPreferences(deps.db, requireActor(request), request.body.items),
      }),
    );
  };
