import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findAccountLink, markAccountLinkUsed, updateUser } from '../../store/admin.ts';
import { findUser } from '../../store/directory.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { digestOf, hashPassword } from '../auth/secrets.ts';
import { assertPasswordLength } from '../parties/create-user.ts';

/** The account a link is for, while it is good; the same refusal for unknown, used and expired links. */
async function goodLink(db: Db, token: string, now: Date, lock: boolean) {
  const link = await findAccountLink(db, digestOf(token), lock);
  const user = link ? await findUser(db, link.userId) : null;
  if (!link || !user || link.usedAt || link.expiresAt <= now || !user.active)
    throw new AppError('account_link.invalid', 'token');
  return { link, user };
}

/** What the console shows on the link's page: whose account and why (no secret). */
export async function readAccountLink(db: Db, token: string, now = new Date()) {
  const { link, user } = await goodLink(db, token, now, false);
  return {
    purpose: link.purpose,
    username: user.username,
    displayName: user.displayName,
    party: user.partyId,
    language: user.language,
    expiresAt: link.expiresAt,
  };
}

/** The invitee (or the owner after a reset) sets their password; the link is then used up. */
export async function redeemAccountLink(db: Db, token: string, password: string, now = new Date()) {
  assertPasswordLength(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { link, user } = await goodLink(tx, token, now, true);
    await updateUser(tx, user.id, { passwordHash });
    await markAccountLinkUsed(tx, link.id, now);
    await writeAudit(
      tx,
      {
        actorId: user.id,
        party: user.partyId,
        action: link.purpose === 'invite' ? 'user.invite_accepted' : 'user.password_set',
        targetId: user.id,
      },
      now,
    );
    return { username: user.username };
  });
}
