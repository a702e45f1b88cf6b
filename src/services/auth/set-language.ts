import { eq } from 'drizzle-orm';
import type { Lang } from '../../domain/lang.ts';
import type { Db } from '../../store/db.ts';
import { users } from '../../store/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';

/** Stores the language the console, e-mails and error messages use for this user. */
export async function setLanguage(db: Db, actor: Actor, language: Lang): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, actor.id));
}
