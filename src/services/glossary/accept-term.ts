import { and, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { glossaryTerms, glossaryVersions } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { agreeingParties } from './read-glossary.ts';
import { lockTermAt } from './term-versions.ts';

/** Who accepts a definition for their party. */
export const GLOSSARY_ACCEPTORS = ['level_manager', 'party_admin'] as const;

/**
 * CBM-2: the actor's party accepts the current version (the one it was shown: `version`); when
 * every party has accepted it, the term is agreed.
 */
export async function acceptTerm(ctx: ServiceContext, id: string, input: { version: number }) {
  if (!ctx.actor.roles.some((r) => (GLOSSARY_ACCEPTORS as readonly string[]).includes(r)))
    throw new AppError('auth.forbidden');
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const term = await lockTermAt(tx, id, input.version);
    const [current] = await tx
      .select()
      .from(glossaryVersions)
      .where(and(eq(glossaryVersions.termId, term.id), eq(glossaryVersions.number, input.version)));
    if (current!.acceptances.some((a) => a.party === ctx.actor.party))
      throw new AppError('cbm.state_invalid', undefined, { state: 'accepted' });
    const acceptances = [
      ...current!.acceptances,
      { party: ctx.actor.party, by: ctx.actor.displayName, at: now.toISOString() },
    ];
    await tx.update(glossaryVersions).set({ acceptances }).where(eq(glossaryVersions.id, current!.id));
    const everyone = await agreeingParties(tx);
    const agreed = everyone.every((p) => acceptances.some((a) => a.party === p));
    const [row] = await tx
      .update(glossaryTerms)
      .set({ status: agreed ? 'agreed' : 'proposed', updatedAt: now })
      .where(eq(glossaryTerms.id, term.id))
      .returning();
    await writeAudit(
      tx,
      {
        actorId: ctx.actor.id,
        party: ctx.actor.party,
        action: 'glossary.accept',
        targetId: term.id,
        data: { version: input.version, agreed },
      },
      now,
    );
    return row!;
  });
}
