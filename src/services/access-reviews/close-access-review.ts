import { AppError } from '../../domain/errors.ts';
import { assertRunsReview } from '../../policies/access-reviews.ts';
import {
  closeAccessReview,
  countUndecided,
  findAccessReview,
  type AccessReviewRow,
} from '../../store/access-reviews.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Db } from '../../store/db.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import type { Actor } from '../../domain/actor.ts';

/** The review, locked, still open, run by the actor's party's administrator (404 / 403 / 409 otherwise). */
export async function lockOpenReview(tx: Db, actor: Actor, reviewId: string): Promise<AccessReviewRow> {
  const review = await findAccessReview(tx, reviewId, true);
  if (!review) throw new AppError('access_review.not_found');
  assertRunsReview(actor, review.partyId);
  if (review.status !== 'open') throw new AppError('access_review.closed');
  return review;
}

/** ISM-6: a review closes only once every account in it has a decision. */
export async function closeReview(ctx: ServiceContext, reviewId: string): Promise<AccessReviewRow> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, ctx.actor, reviewId);
    const undecided = await countUndecided(tx, reviewId);
    if (undecided > 0) throw new AppError('access_review.undecided', undefined, { count: undecided });
    const closed = await closeAccessReview(tx, reviewId, now);
    await writeAudit(
      tx,
      { actorId: ctx.actor.id, party: review.partyId, action: 'access_review.close', targetId: reviewId },
      now,
    );
    return closed;
  });
}
