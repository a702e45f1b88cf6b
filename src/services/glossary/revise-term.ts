import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { assertMayShare } from '../../policies/shared-records.ts';
import { glossaryTerms, glossaryVersions } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { GLOSSARY_WRITERS } from './propose-term.ts';
import { getTerm } from './read-glossary.ts';

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
    const { term } = await getTerm(tx, id);
    const [locked] = await tx.select().from(glossaryTerms).where(eq(glossaryTerms.id, term.id)).for('update');
    if (locked!.currentVersion !== input.version)
      throw new AppError('cbm.version_conflict', 'version', { current: locked!.currentVersion });
    const number = locked!.currentVersion + 1;
    await tx.insert(glossaryVersions).values({
      id: randomUUID(),
      termId: term.id,
      number,
      definitionFr: input.definitionFr,
      definitionEn: input.definitionEn,
      partyId: ctx.actor.party,
      byId: ctx.actor.id,
      acceptances: [{ party: ctx.actor.party, by: ctx.actor.displayName, at: now.toISOString() }],
      at: now,
    });
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
