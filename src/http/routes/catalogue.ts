import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATALOGUE_KINDS } from '../../domain/catalogue.ts';
import { createCatalogueItem, replaceCatalogueItem } from '../../services/catalogue/save-catalogue-item.ts';
import { readCatalogue, type CatalogueEntry } from '../../services/catalogue/read-catalogue.ts';
import { searchKnownErrors } from '../../services/problems/search-known-errors.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses, text } from '../../contract/schemas.ts';
import { CatalogueItemBody, NewCatalogueItem, CatalogueItem, KnownError } from '../../contract/processes.ts';
import type { RouteDeps } from './deps.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);

const present = (row: CatalogueEntry) => ({
  id: row.id,
  party: row.partyId,
  kind: row.kind,
  code: row.code,
  name: row.name,
  description: row.description,
  fields: row.fields as unknown[],
  approvalRequired: row.approvalRequired,
  fulfillers: row.fulfillers,
  template: row.template,
  active: row.active,
});

/** The request and standard-change catalogue (REQ-5, CHG-3) and the known-error base (COL-3). */
export const catalogueRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/catalogue',
      {
        schema: {
          tags: ['catalogue'],
          summary: "A party's catalogue of request types or standard changes (default: mine)",
          querystring: z.object({ kind: z.enum(CATALOGUE_KINDS).default('request'), party: PartyCode.optional() }),
          response: { 200: z.object({ items: z.array(CatalogueItem) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const rows = await readCatalogue(deps.db, request.query.party ?? actor.party, request.query.kind);
        return { items: rows.map(present) };
      },
    );

    app.post(
      '/catalogue',
      {
        schema: {
          tags: ['catalogue'],
          summary: "Add an item to my party's catalogue (party administrators)",
          body: NewCatalogueItem,
          response: { 201: CatalogueItem, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await createCatalogueItem(deps.ctx(request), request.body);
        return reply.status(201).send(present(row));
      },
    );

    app.put(
      '/catalogue/:id',
      {
        schema: {
          tags: ['catalogue'],
          summary: "Replace an item of my party's catalogue (party administrators)",
          params: z.object({ id: z.uuid() }),
          body: CatalogueItemBody,
          response: { 200: CatalogueItem, ...errorResponses },
        },
      },
      async (request) => {
        return present(await replaceCatalogueItem(deps.ctx(request), request.params.id, request.body));
      },
    );

    app.get(
      '/known-errors',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Search the known errors I may read (COL-3)',
          querystring: z.object({
            q: text(200).optional(),
            service: text(120).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(25),
          }),
          response: { 200: z.object({ items: z.array(KnownError) }), ...errorResponses },
        },
      },
      async (request) => {
        const { q, service, limit } = request.query;
        const rows = await searchKnownErrors(deps.db, requireActor(request), q, service, limit);
        return { items: rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })) };
      },
    );
  };
