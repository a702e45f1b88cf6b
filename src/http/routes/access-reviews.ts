import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS_DECISIONS } from '../../domain/access-reviews.ts';
import { ROLES } from '../../domain/roles.ts';
import { closeReview } from '../../services/access-reviews/close-access-review.ts';
import { decideAccessReviewItem } from '../../services/access-reviews/decide-access-review-item.ts';
import { getAccessReview, listOwnAccessReviews } from '../../services/access-reviews/read-access-reviews.ts';
import { startAccessReview } from '../../services/access-reviews/start-access-review.ts';
import type {
  AccessReview as Review,
  AccessReviewItem as ReviewItem,
} from '../../services/access-reviews/read-access-reviews.ts';
import { errorResponses, plain, Sensitivity } from '../../contract/schemas.ts';
import { AccessReviewSummary, AccessReviewItem, AccessReview } from '../../contract/security.ts';
import type { RouteDeps } from './deps.ts';

const summary = (r: Review, accounts: number, undecided: number): z.infer<typeof AccessReviewSummary> => ({
  id: r.id,
  party: r.partyId,
  status: r.status as 'open' | 'closed',
  startedBy: r.startedBy,
  startedAt: r.startedAt.toISOString(),
  closedAt: r.closedAt?.toISOString() ?? null,
  accounts,
  undecided,
});

const presentItem = (i: ReviewItem): z.infer<typeof AccessReviewItem> => ({
  userId: i.userId,
  username: i.username,
  displayName: i.displayName,
  roles: i.roles,
  clearance: i.clearance,
  active: i.active,
  decision: i.decision,
  newRoles: i.newRoles,
  newClearance: i.newClearance,
  note: i.note,
  decidedBy: i.decidedBy ? { id: i.decidedBy, name: i.decidedByName ?? '' } : null,
  decidedAt: i.decidedAt?.toISOString() ?? null,
});

const presentReview = ({ review, items }: { review: Review; items: ReviewItem[] }) => ({
  ...summary(review, items.length, items.filter((i) => i.decision === null).length),
  items: items.map(presentItem),
});

/** ISM-6 periodic access reviews of a party's accounts. */
export const accessReviewRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/access-reviews',
      {
        schema: {
          tags: ['access-reviews'],
          summary: "My party's access reviews, newest first (administrators, auditors)",
          response: { 200: z.object({ items: z.array(AccessReviewSummary) }), ...errorResponses },
        },
      },
      async (request) => {
        const rows = await listOwnAccessReviews(deps.ctx(request));
        return { items: rows.map((r) => summary(r.review, r.accounts, r.undecided)) };
      },
    );

    app.post(
      '/access-reviews',
      {
        schema: {
          tags: ['access-reviews'],
          summary: 'Start a review of every account of my party (party administrators)',
          response: { 201: AccessReview, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = deps.ctx(request);
        const review = await startAccessReview(ctx);
        return reply.status(201).send(presentReview(await getAccessReview(ctx, review.id)));
      },
    );

    app.get(
      '/access-reviews/:id',
      {
        schema: {
          tags: ['access-reviews'],
          summary: 'One access review with every account and decision',
          params: z.object({ id: z.uuid() }),
          response: { 200: AccessReview, ...errorResponses },
        },
      },
      async (request) => presentReview(await getAccessReview(deps.ctx(request), request.params.id)),
    );

    app.post(
      '/access-reviews/:id/items/:userId',
      {
        schema: {
          tags: ['access-reviews'],
          summary: 'Decide on one account (keep, change, revoke); the decision is applied at once',
          params: z.object({ id: z.uuid(), userId: z.uuid() }),
          body: z.object({
            decision: z.enum(ACCESS_DECISIONS),
            roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
            clearance: Sensitivity.optional(),
            note: plain(2000).optional(),
          }),
          response: { 200: AccessReview, ...errorResponses },
        },
      },
      async (request) => {
        const ctx = deps.ctx(request);
        await decideAccessReviewItem(ctx, request.params.id, request.params.userId, request.body);
        return presentReview(await getAccessReview(ctx, request.params.id));
      },
    );

    app.post(
      '/access-reviews/:id/close',
      {
        schema: {
          tags: ['access-reviews'],
          summary: 'Close a review once every account has a decision',
          params: z.object({ id: z.uuid() }),
          response: { 200: AccessReview, ...errorResponses },
        },
      },
      async (request) => {
        const ctx = deps.ctx(request);
        await closeReview(ctx, request.params.id);
        return presentReview(await getAccessReview(ctx, request.params.id));
      },
    );
  };
