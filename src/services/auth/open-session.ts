import { eq } from 'drizzle-orm';
import type { Db } from '../../store/db.ts';
import type { UserRow } from '../../store/directory.ts';
import { insertSession, trimSessions } from '../../store/auth.ts';
import { users } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { newSecret } from './secrets.ts';

/**
 * Opens a console session for a user who proved who they are (password and second factor, or
 * the party's OpenID provider): session row, oldest sessions beyond the limit ended, last
 * sign-in recorded, audited with the method.
 */
export async function openSession(
  db: Db,
  user: UserRow,
  options: { sessionHours: number; maxSessions: number },
  how: { address: string; method: 'password' | 'oidc'; ssoParty?: string | undefined },
  now: Date,
): Promise<{ user: UserRow; token: string; csrfToken: string }> {
  const session = newSecret();
  const csrf = newSecret();
  await insertSession(db, {
    id: session.digest,
    userId: user.id,
    csrfToken: csrf.secret,
    createdAt: now,
    expiresAt: new Date(now.getTime() + options.sessionHours * 3_600_000),
    ssoParty: how.ssoParty ?? null,
  });
  // ISM-8: a bounded number of live sessions per user; the oldest end first.
  await trimSessions(db, user.id, options.maxSessions, now);
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  await writeAudit(
    db,
    {
      actorId: user.id,
      party: user.partyId,
      action: 'auth.sign_in',
      data: { address: how.address, ...(how.method === 'oidc' ? { method: 'oidc' } : {}) },
    },
    now,
  );
  return { user, token: session.secret, csrfToken: csrf.secret };
}
