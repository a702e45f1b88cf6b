import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REVIEW_OUTCOMES } from '../../domain/assets.ts';
import { AppError } from '../../domain/errors.ts';
import { decideAsset } from '../../services/assets/approve-asset.ts';
import { createAsset } from '../../services/assets/create-asset.ts';
import { assetReviewHistory, getAsset, lisCsv, lisEntries, listAssets } from '../../services/assets/read-assets.ts';
import { reviewAsset } from '../../services/assets/review-asset.ts';
import { updateAsset } from '../../services/assets/update-asset.ts';
import { requireActor } from '../auth-hook.ts';
import { Asset, AssetReview, CiaLevel } from '../../contract/security.ts';
import { presentAsset, presentReview } from '../asset-presenter.ts';
import { errorResponses, plain, text, Version } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';
import { expectedVersion } from './tickets.ts';
import { sendFile } from '../send-file.ts';

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const Filters = z.object({
  party: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,9}$/)
    .optional(),
  common: Flag.optional(),
  lis: Flag.optional(),
  overdue: Flag.optional(),
  q: text(200).optional(),
});
const ListQuery = Filters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const Params = z.object({ id: z.uuid() });

const Fields = {
  name: text(200),
  description: plain(20_000).optional(),
  owner: text(200),
  confidentiality: CiaLevel,
  integrity: CiaLevel,
  availability: CiaLevel,
  personalData: z.boolean().optional(),
  notes: plain(20_000).optional(),
  parts: z.array(z.uuid()).max(500).optional(),
  reviewIntervalDays: z.number().int().min(1).max(3650).optional(),
};
const CreateAsset = z
  .object({ ...Fields, common: z.boolean().optional() })
  .describe('`sensitivity` is refused: it is derived from C/I/A (ISM-2)');
const UpdateAsset = z
  .object(Fields)
  .partial()
  .extend({ version: Version.optional() })
  .describe('`sensitivity` is refused: it is derived from C/I/A (ISM-2)');

/** ISM-2: the ETS level is never typed in; a body naming it is refused before anything else. */
async function refuseTypedSensitivity(request: FastifyRequest) {
  const body = request.body;
  if (body && typeof body === 'object' && 'sensitivity' in body)
    throw new AppError('validation.invalid', 'sensitivity', { field: 'sensitivity', detail: 'derived_sensitivity' });
}

/** The information asset inventory and the sensitive information list (ISM-1 … ISM-4). */
export const assetRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const filterOf = (q: z.infer<typeof Filters>, now: Date) => ({
      party: q.party,
      common: q.common,
      lis: q.lis,
      q: q.q,
      overdueAt: q.overdue ? now : undefined,
    });
    const detail = async (request: FastifyRequest, id: string) =>
      presentAsset(await getAsset(deps.db, requireActor(request), id), requireActor(request), new Date());

    app.get(
      '/assets',
      {
        schema: {
          tags: ['assets'],
          summary: 'Information assets I may see (lis=true: the sensitive information list)',
          querystring: ListQuery,
          response: { 200: z.object({ items: z.array(Asset), total: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const now = new Date();
        const { limit, offset, ...filters } = request.query;
        const page = await listAssets(deps.db, actor, filterOf(filters, now), { limit, offset });
        return { items: page.items.map((v) => presentAsset(v, actor, now)), total: page.total };
      },
    );

    app.get(
      '/assets.csv',
      {
        schema: {
          tags: ['assets'],
          summary: 'The sensitive information list I may see, as CSV',
          querystring: Filters.omit({ lis: true }),
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const now = new Date();
        const entries = await lisEntries(deps.db, requireActor(request), filterOf(request.query, now));
        return sendFile(reply, { type: 'text/csv; charset=utf-8', name: 'lis.csv' }, lisCsv(entries, now));
      },
    );

    app.get(
      '/assets/:id',
      {
        schema: {
          tags: ['assets'],
          summary: 'An information asset (invisible = 404)',
          params: Params,
          response: { 200: Asset, ...errorResponses },
        },
      },
      async (request, reply) => {
        const asset = await detail(request, request.params.id);
        return reply.header('etag', `"${asset.version}"`).send(asset);
      },
    );

    app.post(
      '/assets',
      {
        preValidation: refuseTypedSensitivity,
        schema: {
          tags: ['assets'],
          summary: 'Register an asset of my party, or propose a common one (security officer or party admin)',
          body: CreateAsset,
          response: { 201: Asset, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await createAsset(deps.ctx(request), request.body);
        return reply.status(201).send(await detail(request, row.id));
      },
    );

    app.patch(
      '/assets/:id',
      {
        preValidation: refuseTypedSensitivity,
        schema: {
          tags: ['assets'],
          summary:
            'Change an asset (version or If-Match required); owner or C/I/A of a common asset go back for approval',
          params: Params,
          body: UpdateAsset,
          response: { 200: Asset, ...errorResponses },
        },
      },
      async (request) => {
        const version = expectedVersion(request.body, request.headers['if-match']);
        if (version === undefined) throw new AppError('ticket.version_required', 'version');
        const { version: _v, ...changes } = request.body;
        await updateAsset(deps.ctx(request), request.params.id, version, changes);
        return detail(request, request.params.id);
      },
    );

    app.post(
      '/assets/:id/approve',
      {
        schema: {
          tags: ['assets'],
          summary: 'Approve (or refuse) a common asset for my party',
          params: Params,
          body: z.object({
            decision: z.enum(['approved', 'refused']).default('approved'),
            note: plain(2000).optional(),
            version: Version.optional(),
          }),
          response: { 200: Asset, ...errorResponses },
        },
      },
      async (request) => {
        await decideAsset(deps.ctx(request), request.params.id, request.body);
        return detail(request, request.params.id);
      },
    );

    app.post(
      '/assets/:id/reviews',
      {
        schema: {
          tags: ['assets'],
          summary: 'Record a review of an asset; the next one falls due an interval later',
          params: Params,
          body: z.object({
            outcome: z.enum(REVIEW_OUTCOMES),
            note: plain(4000).optional(),
            version: Version.optional(),
          }),
          response: { 201: z.object({ review: AssetReview, asset: Asset }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { review } = await reviewAsset(deps.ctx(request), request.params.id, request.body);
        return reply
          .status(201)
          .send({ review: presentReview(review), asset: await detail(request, request.params.id) });
      },
    );

    app.get(
      '/assets/:id/reviews',
      {
        schema: {
          tags: ['assets'],
          summary: 'Review history of an asset, newest first',
          params: Params,
          response: { 200: z.object({ items: z.array(AssetReview) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await assetReviewHistory(deps.db, requireActor(request), request.params.id)).map(presentReview),
      }),
    );
  };
