import { eq } from 'drizzle-orm';
import type { Lang } from '../../i18n/messages.ts';
import type { Db } from '../../store/db.ts';
import { users } from '../../store/schema.ts';
import type { Actor } from '../context.ts';

/** Stores the language the console, e-mails and error messages use for this user. */
export async function setLanguage(db: Db, actor: Actor, language: Lang): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, actor.id));
}
