import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, SavedView, SavedViewQuery, text } from '../../contract/schemas.ts';
import { deleteOwnView } from '../../services/saved-views/delete-saved-view.ts';
import { listOwnSavedViews } from '../../services/saved-views/list-saved-views.ts';
import { saveOwnView } from '../../services/saved-views/save-view.ts';
import { requireActor } from '../auth-hook.ts';
import type { RouteDeps } from './deps.ts';

const present = (v: Awaited<ReturnType<typeof listOwnSavedViews>>[number]) => ({
  id: v.id,
  name: v.name,
  query: v.query,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

/** The caller's saved queue views: filter and sort of the ticket list, kept on the server per user. */
export const savedViewRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/views',
      {
        schema: {
          tags: ['me'],
          summary: 'My saved queue views',
          response: { 200: z.object({ items: z.array(SavedView) }), ...errorResponses },
        },
      },
      async (request) => ({ items: (await listOwnSavedViews(deps.db, requireActor(request))).map(present) }),
    );

    app.post(
      '/me/views',
      {
        schema: {
          tags: ['me'],
          summary: 'Save a queue view (the same name again replaces it)',
          body: z.object({ name: text(80), query: SavedViewQuery }),
          response: { 201: SavedView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const view = await saveOwnView(deps.db, requireActor(request), request.body);
        return reply.status(201).send(present(view));
      },
    );

    app.delete(
      '/me/views/:id',
      {
        schema: {
          tags: ['me'],
          summary: 'Delete one of my saved views',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await deleteOwnView(deps.db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
