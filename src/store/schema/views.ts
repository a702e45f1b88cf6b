import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { users } from './parties.ts';

/** A queue filter and sort as the ticket list accepts them in its query string (contract/schemas.ts SavedViewQuery). */
export type SavedViewQueryValue = Partial<
  Record<'type' | 'status' | 'priority' | 'owner' | 'assignee' | 'q' | 'sort', string>
>;

/** Saved queue views, one user's own (COL: a day's work); a name is unique per user, saving it again replaces it. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<SavedViewQueryValue>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_views_user_name').on(t.userId, t.name)],
);
