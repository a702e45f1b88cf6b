import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { assertMayShare } from '../../policies/shared-records.ts';
import { glossaryTerms } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { notifyParties, WHAT } from '../cbm/notify-parties.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { insertTermVersion } from './term-versions.ts';

export const GLOSSARY_WRITERS = ['agent', 'level_manager', 'security_officer', 'party_admin'] as const;

/** CBM-2: any party proposes a term with its definitions in French and English. */
export async function proposeTerm(
  ctx: ServiceContext,
  input: { term: string; definitionFr: string; definitionEn: string },
) {
  assertMayShare(ctx.actor, GLOSSARY_WRITERS, 'LIMITED');
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: glossaryTerms.id })
      .from(glossaryTerms)
      .where(eq(sql`lower(${glossaryTerms.term})`, input.term.toLowerCase()));
    if (clash) throw new AppError('validation.invalid', 'term', { field: 'term', detail: 'term_exists' });
    const id = randomUUID();
    const [term] = await tx
      .insert(glossaryTerms)
      .values({
        id,
        term: input.term,
        status: 'proposed',
        currentVersion: 1,
        proposedBy: ctx.actor.party,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    // Proposing is the proposing party's acceptance.
    await insertTermVersion(tx, ctx, id, 1, input, now);
    await writeAudit(
      tx,
      { actorId: ctx.actor.id, party: ctx.actor.party, action: 'glossary.propose', targetId: id },
      now,
    );
    await notifyParties(
      tx,
      {
        kind: 'cbm_shared',
        parties: { except: ctx.actor.party },
        sensitivity: 'LIMITED',
        params: { ...WHAT.glossary, party: ctx.actor.party, title: input.term, path: `/glossary/${id}` },
      },
      now,
    );
    return term!;
  });
}
