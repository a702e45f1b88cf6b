import { assertDecisionAllowed, grantedRoles, type AccessDecisionInput } from '../../domain/access-reviews.ts';

import { AppError } from '../../domain/errors.ts';
import { cutOffUser, lockReviewItem, lockUser, recordItemDecision, setUserAccess } from '../../store/access-reviews.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { lockOpenReview } from './close-access-review.ts';

/**
 * ISM-6: records the decision on one account of an open review and applies it at once, in the
 * same transaction: `keep` changes nothing; `change` sets the new roles and/or clearance;
 * `revoke` deactivates the account and ends its sessions and API tokens. Each decision is
 * written to the audit log with the account's access before and after.
 */
export async function decideAccessReviewItem(
  ctx: ServiceContext,
  reviewId: string,
  userId: string,
  input: AccessDecisionInput,
) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, ctx.actor, reviewId);
    const item = await lockReviewItem(tx, reviewId, userId);
    const user = item ? await lockUser(tx, userId) : null;
    if (!item || !user) throw new AppError('user.not_found', 'userId');
    if (item.decision !== null) throw new AppError('access_review.decided');
    assertDecisionAllowed({ id: ctx.actor.id, clearance: ctx.actor.clearance, roles: ctx.actor.roles }, user, input);
    const before = { roles: user.roles, clearance: user.clearance, active: user.active };
    const after = { ...before };
    if (input.decision === 'change') {
      if (input.roles) after.roles = [...new Set(input.roles)];
      if (input.clearance) after.clearance = input.clearance;
      await setUserAccess(tx, userId, { roles: after.roles, clearance: after.clearance });
    } else if (input.decision === 'revoke') {
      after.active = false;
      await setUserAccess(tx, userId, { active: false });
      await cutOffUser(tx, userId, now);
    }
    await recordItemDecision(tx, reviewId, userId, {
      decision: input.decision,
      newRoles: input.decision === 'change' ? after.roles : null,
      newClearance: input.decision === 'change' ? after.clearance : null,
      note: input.note ?? null,
      decidedBy: ctx.actor.id,
      decidedAt: now,
    });
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: review.partyId,
        action: `access_review.${input.decision}`,
        targetId: userId,
        data: {
          reviewId,
          username: user.username,
          before,
          after,
          // Roles granted are named on the record, level-3 ones with the security officer who granted them (ISM-6).
          granted: grantedRoles(before.roles, after.roles),
          ...(input.note ? { note: input.note } : {}),
        },
      },
      now,
    );
  });
}
