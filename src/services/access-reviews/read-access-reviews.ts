import { AppError } from '../../domain/errors.ts';
import { assertSeesReview } from '../../policies/access-reviews.ts';
import { findAccessReview, listAccessReviews, reviewItems } from '../../store/access-reviews.ts';
import type { ServiceContext } from '../write-path/context.ts';

/** ISM-6: the actor's party's access reviews, newest first (its administrators and auditors). */
export async function listOwnAccessReviews(ctx: ServiceContext) {
  assertSeesReview(ctx.actor, ctx.actor.party);
  return listAccessReviews(ctx.db, ctx.actor.party);
}

/** One review with every account and its decision; another party's review is a 404. */
export async function getAccessReview(ctx: ServiceContext, id: string) {
  const review = await findAccessReview(ctx.db, id);
  if (!review) throw new AppError('access_review.not_found');
  assertSeesReview(ctx.actor, review.partyId);
  return { review, items: await reviewItems(ctx.db, id) };
}

export type AccessReview = Awaited<ReturnType<typeof getAccessReview>>['review'];
export type AccessReviewItem = Awaited<ReturnType<typeof getAccessReview>>['items'][number];
