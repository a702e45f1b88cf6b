import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { deleteSavedView } from '../../store/saved-views.ts';

/** Deletes one of the caller's views; another user's view is, to the caller, no view at all (404). */
export async function deleteOwnView(db: Db, actor: Actor, id: string) {
  if (!(await deleteSavedView(db, actor.id, id))) throw new AppError('view.not_found');
}
