import { ne } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { parties } from '../../store/schema/index.ts';

/** The party named, or the only other party on the link; never the caller's own. */
export async function otherParty(db: Db, own: string, named: string | undefined, field = 'party'): Promise<string> {
  const others = (await db.select({ id: parties.id }).from(parties).where(ne(parties.id, own))).map((p) => p.id);
  if (named !== undefined) {
    if (named === own) throw new AppError('validation.invalid', field, { field, detail: 'other_party_only' });
    if (!others.includes(named)) throw new AppError('party.not_found', field);
    return named;
  }
  if (others.length !== 1) throw new AppError('validation.required', field, { field });
  return others[0]!;
}

/** Checks that every party named exists; returns them without duplicates. */
export async function existingParties(db: Db, named: readonly string[], field: string): Promise<string[]> {
  const known = new Set((await db.select({ id: parties.id }).from(parties)).map((p) => p.id));
  const unique = [...new Set(named)];
  const index = unique.findIndex((p) => !known.has(p));
  if (index >= 0) throw new AppError('party.not_found', `${field}.${named.indexOf(unique[index]!)}`);
  return unique;
}
