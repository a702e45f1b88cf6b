import { deleteSession } from '../../store/auth.ts';
import type { Db } from '../../store/db.ts';

/** Ends a console session on the server: its cookie is worthless from now on, on every node. */
export async function signOut(db: Db, sessionId: string | undefined): Promise<void> {
  if (sessionId) await deleteSession(db, sessionId);
}
