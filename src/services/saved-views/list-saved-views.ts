import type { Actor } from '../../domain/actor.ts';
import type { Db } from '../../store/db.ts';
import { listSavedViews } from '../../store/saved-views.ts';

/** The caller's own saved queue views (never another user's). */
export async function listOwnSavedViews(db: Db, actor: Actor) {
  return listSavedViews(db, actor.id);
}
