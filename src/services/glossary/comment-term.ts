import { randomUUID } from 'node:crypto';
import { assertMayShare } from '../../policies/shared-records.ts';
import { glossaryComments } from '../../store/schema/index.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { GLOSSARY_WRITERS } from './propose-term.ts';
import { getTerm } from './read-glossary.ts';

/** CBM-2: a party's comment on a term, read by every party. */
export async function commentTerm(ctx: ServiceContext, id: string, input: { body: string }) {
  assertMayShare(ctx.actor, GLOSSARY_WRITERS, 'LIMITED');
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { term } = await getTerm(tx, id);
    const [row] = await tx
      .insert(glossaryComments)
      .values({
        id: randomUUID(),
        termId: term.id,
        partyId: ctx.actor.party,
        byId: ctx.actor.id,
        byName: ctx.actor.displayName,
        body: input.body,
        at: now,
      })
      .returning();
    return row!;
  });
}
