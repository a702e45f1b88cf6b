import { asc, desc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/identifiers.ts';
import type { Db } from '../../store/db.ts';
import { glossaryComments, glossaryTerms, glossaryVersions, parties } from '../../store/schema/index.ts';
import type { ServiceContext } from '../write-path/context.ts';

export type TermRow = typeof glossaryTerms.$inferSelect;
export type TermVersionRow = typeof glossaryVersions.$inferSelect;
export type TermCommentRow = typeof glossaryComments.$inferSelect;

/** The parties whose acceptance makes a term agreed: every local party. */
export async function agreeingParties(db: Db): Promise<string[]> {
  const rows = await db.select({ id: parties.id }).from(parties).where(eq(parties.kind, 'local')).orderBy(parties.id);
  return rows.map((r) => r.id);
}

/** CBM-2: the glossary (common to every party) with each term's current version. */
export async function listTerms(ctx: ServiceContext) {
  const terms = await ctx.db.select().from(glossaryTerms).orderBy(asc(glossaryTerms.term)).limit(2000);
  if (terms.length === 0) return [];
  const versions = await ctx.db
    .select()
    .from(glossaryVersions)
    .where(
      inArray(
        glossaryVersions.termId,
        terms.map((t) => t.id),
      ),
    );
  const current = new Map(
    versions
      .filter((v) => terms.some((t) => t.id === v.termId && t.currentVersion === v.number))
      .map((v) => [v.termId, v]),
  );
  return terms.map((term) => ({ term, current: current.get(term.id)! }));
}

/** One term with every version (newest first) and its comments. */
export async function getTerm(db: Db, id: string) {
  if (!isUuid(id)) throw new AppError('cbm.not_found');
  const [term] = await db.select().from(glossaryTerms).where(eq(glossaryTerms.id, id));
  if (!term) throw new AppError('cbm.not_found');
  const versions = await db
    .select()
    .from(glossaryVersions)
    .where(eq(glossaryVersions.termId, id))
    .orderBy(desc(glossaryVersions.number));
  const comments = await db
    .select()
    .from(glossaryComments)
    .where(eq(glossaryComments.termId, id))
    .orderBy(asc(glossaryComments.at));
  return { term, versions, comments, parties: await agreeingParties(db) };
}
