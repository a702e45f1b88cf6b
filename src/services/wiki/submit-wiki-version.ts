import { writeAudit } from '../../store/ticket-writes.ts';
import { markVersion } from '../../store/wiki.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { assertMayWrite, guidelineVersion } from './common.ts';

/** COL-4: submits a version of a technical guideline for joint approval by every party of the page. */
export async function submitWikiVersion(ctx: ServiceContext, slug: string, version: number) {
  const { actor } = ctx;
  assertMayWrite(actor);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { page, row } = await guidelineVersion(tx, actor, slug, version);
    if (!row.submittedAt) {
      await markVersion(tx, page.id, version, { submittedAt: now });
      await writeAudit(
        tx,
        { actorId: actor.id, party: actor.party, action: 'wiki.submit', targetId: page.id, data: { version } },
        now,
      );
    }
    return { slug, version };
  });
}
