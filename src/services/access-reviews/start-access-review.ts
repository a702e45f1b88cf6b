import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import {
  accountsOf,
  lockPartyRow,
  insertAccessReview,
  insertReviewItems,
  openReviewOf,
  type AccessReviewRow,
} from '../../store/access-reviews.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';

/**
 * ISM-6 periodic access review: a party administrator snapshots every account of the party
 * (roles, clearance, active) as they stand now; each then awaits a decision. One open review
 * per party at a time.
 */
export async function startAccessReview(
  ctx: ServiceContext,
  party: string = ctx.actor.party,
): Promise<AccessReviewRow> {
  assertAdministersParty(ctx.actor, party);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    // Serialise starts per party: two administrators clicking at once get one review.
    await lockPartyRow(tx, party);
    if (await openReviewOf(tx, party)) throw new AppError('access_review.open_exists');
    const review = await insertAccessReview(tx, {
      id: randomUUID(),
      partyId: party,
      status: 'open',
      startedBy: ctx.actor.id,
      startedAt: now,
    });
    const accounts = await accountsOf(tx, party);
    await insertReviewItems(
      tx,
      accounts.map((a) => ({
        reviewId: review.id,
        userId: a.id,
        roles: a.roles,
        clearance: a.clearance,
        active: a.active,
      })),
    );
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party,
        action: 'access_review.start',
        targetId: review.id,
        data: { accounts: accounts.length },
      },
      now,
    );
    return review;
  });
}
