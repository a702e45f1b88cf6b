import { AppError } from '../../domain/errors.ts';
import { jointlyApproved } from '../../domain/wiki.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { insertApproval, markVersion, pageApprovals } from '../../store/wiki.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { assertMayWrite, guidelineVersion } from './common.ts';

/**
 * COL-4: the actor's party approves a submitted version of a guideline; when every party of the
 * page has approved that version, it is marked approved.
 */
export async function approveWikiVersion(ctx: ServiceContext, slug: string, version: number) {
  const { actor } = ctx;
  assertMayWrite(actor);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { page, row } = await guidelineVersion(tx, actor, slug, version);
    if (!row.submittedAt) throw new AppError('wiki.not_submitted', 'version', { version });
    await insertApproval(tx, {
      pageId: page.id,
      version,
      party: actor.party,
      userId: actor.id,
      userName: actor.displayName,
      approvedAt: now,
    });
    const approvedBy = (await pageApprovals(tx, page.id)).filter((a) => a.version === version).map((a) => a.party);
    const approved = jointlyApproved(page.parties, approvedBy);
    if (approved && !row.approvedAt) await markVersion(tx, page.id, version, { approvedAt: now });
    await writeAudit(
      tx,
      { actorId: actor.id, party: actor.party, action: 'wiki.approve', targetId: page.id, data: { version, approved } },
      now,
    );
    return { slug, version, approved };
  });
}
