import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATALOGUE_KINDS, FIELD_TYPES, FULFILLERS } from '../../domain/catalogue.ts';
import { RISKS } from '../../domain/processes.ts';
import { createCatalogueItem, replaceCatalogueItem } from '../../services/catalogue/save-catalogue-item.ts';
import { readCatalogue, type CatalogueEntry } from '../../services/catalogue/read-catalogue.ts';
import { searchKnownErrors } from '../../services/problems/search-known-errors.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses, plain, text } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const Bilingual = z.object({ en: text(200), fr: text(200) });
const LongBilingual = z.object({ en: plain(2000), fr: plain(2000) });
const Field = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: Bilingual,
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  options: z.array(text(200)).max(50).optional(),
});
const ItemBody = z.object({
  name: Bilingual,
  description: LongBilingual,
  fields: z.array(Field).max(30),
  approvalRequired: z.boolean(),
  fulfillers: z.enum(FULFILLERS),
  template: z
    .object({
      risk: z.enum(RISKS).optional(),
      impactAnalysis: plain(4000).optional(),
      implementationPlan: plain(4000).optional(),
      rollbackPlan: plain(4000).optional(),
      service: text(120).optional(),
    })
    .strict()
    .nullable()
    .optional(),
  active: z.boolean().optional(),
});
const NewItem = ItemBody.extend({ kind: z.enum(CATALOGUE_KINDS), code: z.string().regex(/^[a-z0-9_-]{1,60}$/) });
const Item = NewItem.extend({
  id: z.uuid(),
  party: z.string(),
  template: z.record(z.string(), z.unknown()).nullable(),
  active: z.boolean(),
  fields: z.array(z.unknown()),
});

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

const KnownError = z.object({
  id: z.uuid(),
  problemId: z.uuid(),
  problemRef: z.string(),
  title: z.string(),
  service: z.string(),
  symptoms: z.string(),
  cause: z.string(),
  workaround: z.string(),
  sensitivity: z.string(),
  publishedAt: z.iso.datetime(),
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
          response: { 200: z.object({ items: z.array(Item) }), ...errorResponses },
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
          body: NewItem,
          response: { 201: Item, ...errorResponses },
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
          body: ItemBody,
          response: { 200: Item, ...errorResponses },
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
