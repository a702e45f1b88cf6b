import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDeliveries, replayDelivery } from '../../services/webhooks/delivery-log.ts';
import {
  createSubscription,
  readWebhook,
  readWebhooks,
  updateWebhook,
  type SubscriptionRow,
} from '../../services/webhooks/manage-subscriptions.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses } from '../../contract/schemas.ts';
import { Created, Delivery, Subscription, WebhookInput as Input } from '../../contract/webhooks.ts';
import type { RouteDeps } from './deps.ts';

const present = (s: SubscriptionRow): Subscription => ({
  id: s.id,
  party: s.partyId,
  url: s.url,
  description: s.description,
  eventKinds: s.eventKinds,
  clearance: s.clearance,
  status: s.status,
  pausedReason: s.pausedReason,
  consecutiveFailures: s.consecutiveFailures,
  createdAt: s.createdAt.toISOString(),
});

const Params = z.object({ id: z.uuid() });

/** IF-2: webhook subscriptions of my party, their delivery log and replay (party administrators). */
export const webhookRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/webhooks',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'My party’s webhook subscriptions',
          response: { 200: z.object({ items: z.array(Subscription) }), ...errorResponses },
        },
      },
      async (request) => ({ items: (await readWebhooks(deps.db, requireActor(request))).map(present) }),
    );

    app.post(
      '/webhooks',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Subscribe an endpoint to ticket events; the signing secret is shown this once',
          body: Input,
          response: { 201: Created, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await createSubscription(deps.db, requireActor(request), request.body);
        return reply.status(201).send({ ...present(row), secret: row.secret });
      },
    );

    app.get(
      '/webhooks/:id',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'One subscription',
          params: Params,
          response: { 200: Subscription, ...errorResponses },
        },
      },
      async (request) => present(await readWebhook(deps.db, requireActor(request), request.params.id)),
    );

    app.patch(
      '/webhooks/:id',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Change a subscription, pause it or resume it',
          params: Params,
          body: Input.partial().extend({ status: z.enum(['active', 'paused']).optional() }),
          response: { 200: Subscription, ...errorResponses },
        },
      },
      async (request) => present(await updateWebhook(deps.db, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'The delivery log of a subscription, newest first, with every attempt',
          params: Params,
          response: { 200: z.object({ items: z.array(Delivery) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await readDeliveries(deps.db, requireActor(request), request.params.id)).map((d) => ({
          id: d.id,
          ref: d.ref,
          eventId: d.eventId,
          eventKind: d.eventKind,
          status: d.status,
          attempts: d.attempts,
          nextAttemptAt: d.nextAttemptAt.toISOString(),
          lastStatus: d.lastStatus,
          lastError: d.lastError,
          createdAt: d.createdAt.toISOString(),
          deliveredAt: d.deliveredAt?.toISOString() ?? null,
          log: d.log.map((a) => ({
            at: a.at.toISOString(),
            status: a.status,
            error: a.error,
            durationMs: a.durationMs,
          })),
        })),
      }),
    );

    app.post(
      '/webhooks/:id/deliveries/:deliveryId/replay',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Send a delivery again',
          params: Params.extend({ deliveryId: z.uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await replayDelivery(deps.db, requireActor(request), request.params.id, request.params.deliveryId);
        return reply.status(204).send(null);
      },
    );
  };
