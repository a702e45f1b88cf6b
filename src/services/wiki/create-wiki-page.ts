import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { WikiKind } from '../../domain/wiki.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { insertPage, slugTaken } from '../../store/wiki.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { assertAudience, assertMayWrite } from './common.ts';

export interface CreatePageInput {
  slug: string;
  title: string;
  body: string;
  kind: WikiKind;
  parties: string[];
  sensitivity: Sensitivity;
}

/** COL-4: a new page (version 1) of the actor's party, shared with the parties named. */
export async function createWikiPage(ctx: ServiceContext, input: CreatePageInput): Promise<{ slug: string }> {
  const { actor } = ctx;
  assertMayWrite(actor);
  const parties = [...new Set(input.parties)];
  await assertAudience(ctx.db, actor, parties, input.sensitivity);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    if (await slugTaken(tx, input.slug)) throw new AppError('wiki.exists', 'slug');
    const id = randomUUID();
    await insertPage(
      tx,
      {
        id,
        slug: input.slug,
        kind: input.kind,
        ownerParty: actor.party,
        parties,
        sensitivity: input.sensitivity,
        title: input.title,
        body: input.body,
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      {
        pageId: id,
        version: 1,
        title: input.title,
        body: input.body,
        authorId: actor.id,
        authorName: actor.displayName,
        party: actor.party,
        createdAt: now,
      },
    );
    await writeAudit(
      tx,
      {
        actorId: actor.id,
        party: actor.party,
        action: 'wiki.create',
        targetId: id,
        data: { slug: input.slug, parties, sensitivity: input.sensitivity },
      },
      now,
    );
    return { slug: input.slug };
  });
}
