import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { savedViews, type SavedViewQueryValue } from './schema/index.ts';

/** A user's own saved views, by name. */
export async function listSavedViews(db: Db, userId: string) {
  return db.select().from(savedViews).where(eq(savedViews.userId, userId)).orderBy(asc(savedViews.name));
}

/** Saves a view under a name; the same user saving the same name again replaces its query. */
export async function upsertSavedView(
  db: Db,
  values: { id: string; userId: string; name: string; query: SavedViewQueryValue },
  now: Date,
) {
  const rows = await db
    .insert(savedViews)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [savedViews.userId, savedViews.name],
      set: { query: values.query, updatedAt: now },
    })
    .returning();
  return rows[0]!;
}

/** Deletes one of the user's own views; false when the user has no view with this id. */
export async function deleteSavedView(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id });
  return rows.length === 1;
}
