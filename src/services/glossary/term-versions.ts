import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { glossaryTerms, glossaryVersions } from '../../store/schema/index.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { getTerm } from './read-glossary.ts';

/** The term, locked for the change, only while its current version is still the one the party was shown. */
export async function lockTermAt(tx: Db, id: string, version: number) {
  const { term } = await getTerm(tx, id);
  const [locked] = await tx.select().from(glossaryTerms).where(eq(glossaryTerms.id, term.id)).for('update');
  if (locked!.currentVersion !== version)
    throw new AppError('cbm.version_conflict', 'version', { current: locked!.currentVersion });
  return locked!;
}

/** Stores version `number` of a term's definitions; writing them is the writing party's acceptance. */
export async function insertTermVersion(
  tx: Db,
  ctx: ServiceContext,
  termId: string,
  number: number,
  input: { definitionFr: string; definitionEn: string },
  now: Date,
) {
  await tx.insert(glossaryVersions).values({
    id: randomUUID(),
    termId,
    number,
    definitionFr: input.definitionFr,
    definitionEn: input.definitionEn,
    partyId: ctx.actor.party,
    byId: ctx.actor.id,
    acceptances: [{ party: ctx.actor.party, by: ctx.actor.displayName, at: now.toISOString() }],
    at: now,
  });
}
