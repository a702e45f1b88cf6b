import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAllowlist } from '../../services/access/list-allowlist.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const Entry = z.object({
  id: z.uuid(),
  cidr: z.string(),
  note: z.string(),
  request: z.object({ id: z.uuid(), ref: z.string().nullable() }).nullable(),
  createdAt: z.iso.datetime(),
});

/** ISM-8: a party's IP allow-list, read-only (it changes only through an `ip_allowlist_change` request). */
export const accessRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/parties/:id/ip-allowlist',
      {
        schema: {
          tags: ['directory'],
          summary:
            "A party's IP allow-list, each entry with the request that added it (its administrators and auditors)",
          params: z.object({ id: z.string().max(10) }),
          response: { 200: z.object({ items: z.array(Entry) }), ...errorResponses },
        },
      },
      async (request) => {
        const items = await listAllowlist(deps.db, requireActor(request), request.params.id);
        return { items: items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
      },
    );
  };
