import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { listSavedViews, upsertSavedView } from '../../store/saved-views.ts';
import type { SavedViewQueryValue } from '../../store/schema/index.ts';

/** A user keeps at most this many views. */
export const MAX_SAVED_VIEWS = 50;

/** Saves a queue view for the caller; saving an existing name again replaces its filter and sort. */
export async function saveOwnView(db: Db, actor: Actor, input: { name: string; query: SavedViewQueryValue }) {
  return db.transaction(async (tx) => {
    const existing = await listSavedViews(tx, actor.id);
    if (!existing.some((v) => v.name === input.name) && existing.length >= MAX_SAVED_VIEWS)
      throw new AppError('view.limit', 'name', { field: 'name', max: MAX_SAVED_VIEWS });
    return upsertSavedView(tx, { id: randomUUID(), userId: actor.id, ...input }, new Date());
  });
}
