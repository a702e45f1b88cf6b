import { AppError } from '../../domain/errors.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { updatePage } from '../../store/wiki.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { assertAudience, assertMayWrite, visiblePage } from './common.ts';

export interface EditPageInput {
  version: number;
  title?: string | undefined;
  body?: string | undefined;
  note?: string | undefined;
  parties?: string[] | undefined;
  sensitivity?: Sensitivity | undefined;
}

/**
 * COL-4: a new version of a page. Anyone of its parties may edit the text; only the owning party
 * changes who reads it (parties, sensitivity). `version` is the one the editor started from.
 */
export async function editWikiPage(ctx: ServiceContext, slug: string, input: EditPageInput): Promise<{ slug: string }> {
  const { actor } = ctx;
  assertMayWrite(actor);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const page = await visiblePage(tx, actor, slug, true);
    if (page.version !== input.version)
      throw new AppError('wiki.version_conflict', 'version', { current: page.version });
    const audienceChanged = input.parties !== undefined || input.sensitivity !== undefined;
    if (audienceChanged && page.ownerParty !== actor.party)
      throw new AppError('wiki.owner_only', input.parties ? 'parties' : 'sensitivity');
    const parties = input.parties ? [...new Set(input.parties)] : page.parties;
    const sensitivity = input.sensitivity ?? page.sensitivity;
    if (audienceChanged) await assertAudience(tx, actor, parties, sensitivity);
    const title = input.title ?? page.title;
    const body = input.body ?? page.body;
    const version = page.version + 1;
    await updatePage(
      tx,
      page.id,
      { title, body, parties, sensitivity, version, updatedAt: now },
      {
        pageId: page.id,
        version,
        title,
        body,
        authorId: actor.id,
        authorName: actor.displayName,
        party: actor.party,
        note: input.note ?? null,
        createdAt: now,
      },
    );
    await writeAudit(
      tx,
      {
        actorId: actor.id,
        party: actor.party,
        action: 'wiki.edit',
        targetId: page.id,
        data: { slug, version, parties, sensitivity },
      },
      now,
    );
    return { slug };
  });
}
