import { eq } from 'drizzle-orm';
import { assertMayShare } from '../../policies/shared-records.ts';
import { glossaryTerms } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { GLOSSARY_WRITERS } from './propose-term.ts';
import { insertTermVersion, lockTermAt } from './term-versions.ts';

/**
 * CBM-2: any party proposes new definitions; the previous versions are kept, and the term is
 * back to `proposed` until every party accepts the new version.
 */
export async function reviseTerm(
  ctx: ServiceContext,
  id: string,
  input: { definitionFr: string; definitionEn: string; version: number },
) {
  assertMayShare(ctx.actor, GLOSSARY_WRITERS, 'LIMITED');
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const term = await lockTermAt(tx, id, input.version);
    const number = term.currentVersion + 1;
    await insertTermVersion(tx, ctx, term.id, number, input, now);
    const [row] = await tx
      .update(glossaryTerms)
      .set({ currentVersion: number, status: 'proposed', updatedAt: now })
      .where(eq(glossaryTerms.id, term.id))
      .returning();
    await writeAudit(
      tx,
      { actorId: ctx.actor.id, party: ctx.actor.party, action: 'glossary.revise', targetId: term.id },
      now,
    );
    return row!;
  });
}
