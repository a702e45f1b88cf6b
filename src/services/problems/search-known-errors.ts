import type { Actor } from '../../domain/actor.ts';
import type { Db } from '../../store/db.ts';
import { searchKnownErrors as search } from '../../store/known-errors.ts';

/** COL-3: the known errors the reader may see (through their problem's parties and level), best first. */
export function searchKnownErrors(
  db: Db,
  actor: Actor,
  q: string | undefined,
  service: string | undefined,
  limit: number,
) {
  return search(db, actor, q, service, limit);
}
