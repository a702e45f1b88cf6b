import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { verify as verifyTotp } from 'otplib';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findUserByName, type UserRow } from '../../store/directory.ts';
import { clearFailures, forgiveFailure, recordFailure } from '../../store/auth.ts';
import { insertTicketlessNotifications } from '../../store/notifications.ts';
import { users } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { openSession } from './open-session.ts';
import { addressAllowed } from '../access/check-address.ts';

export const SIGN_IN_WINDOW_MINUTES = 15;
/**
 * ISM-8 sign-in limits per window:
 * - `pair`: failures for one account from one address;
 * - `addr`: failures from one address, whatever the account (higher: many people share one NAT address);
 * - `account`: failures for one account from every address. Past it the account is under attack and
 *   each address that already failed for it gets `pairWhileTargeted` tries only; an address that has
 *   not failed for it is never refused because of the others, so its owner still signs in.
 */
export const MAX_FAILURES = { pair: 10, addr: 50, account: 10, pairWhileTargeted: 3 } as const;
/** After this many failures for an account in a window, and again when it is first throttled, its owner is told. */
export const OWNER_ALERT_AT = 5;

export interface SignInInput {
  username: string;
  password: string;
  totp?: string | undefined;
  address: string;
}

export interface SignInOptions {
  sessionHours: number;
  /** Live sessions kept per user; the oldest beyond it end. */
  maxSessions: number;
}

// Verifying against a dummy hash keeps unknown and known names equally slow.
const dummyHash = hashPassword('passerelle-timing-equaliser');

/**
 * The time step of a TOTP code when it is right (one step of clock drift either way) and later
 * than `afterStep`, else null: a code already used, or an earlier one, is refused.
 */
export async function totpStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  const result = await verifyTotp({
    secret,
    token: code,
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null;
}

/**
 * Uses up a TOTP time step for the account: true when no code of this step or a later one was
 * accepted before (one statement, so two nodes cannot both accept the same code).
 */
export async function consumeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

/**
 * Local sign-in: rate limited per account and address, per address and per account (counters in
 * the database, so every node sees them), the party's IP allow-list before the password, argon2id
 * password check, then TOTP when enrolled (each code once).
 */
export async function signIn(
  db: Db,
  input: SignInInput,
  options: SignInOptions,
): Promise<{ user: UserRow; token: string; csrfToken: string }> {
  const now = new Date();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const name = input.username.toLowerCase();
  const keys = { pair: `pair:${name}|${input.address}`, addr: `addr:${input.address}`, account: `user:${name}` };
  // Count the attempt first, atomically, so parallel guesses cannot all slip under the limit;
  // a right password takes it back.
  const pair = await recordFailure(db, keys.pair, now, since);
  const addr = await recordFailure(db, keys.addr, now, since);
  const account = await recordFailure(db, keys.account, now, since);
  const targeted = account > MAX_FAILURES.account;
  const user = await findUserByName(db, input.username);
  // ISM-8: the account's owner is told of repeated failures: at the OWNER_ALERT_AT-th, and when the account is first throttled.
  const alertOwner = async () => {
    if (!user?.active || (account !== OWNER_ALERT_AT && account !== MAX_FAILURES.account + 1)) return;
    await insertTicketlessNotifications(
      db,
      [
        {
          userId: user.id,
          kind: 'sign_in_failures',
          params: { failures: String(account), minutes: String(SIGN_IN_WINDOW_MINUTES), address: input.address },
        },
      ],
      now,
    );
  };
  if (addr > MAX_FAILURES.addr || pair > (targeted ? MAX_FAILURES.pairWhileTargeted : MAX_FAILURES.pair)) {
    await alertOwner();
    throw new AppError('auth.rate_limited', undefined, { minutes: SIGN_IN_WINDOW_MINUTES });
  }
  const known = Boolean(user?.passwordHash && user.active);
  // ISM-8: the party's IP allow-list comes before the password, and refuses with the same answer
  // as a wrong password, so neither an outsider nor a stranger learns whether the password was right.
  const allowed = known && user ? await addressAllowed(db, user.partyId, input.address) : false;
  const ok =
    known && allowed && user?.passwordHash
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await dummyHash, input.password).then(() => false);
  const fail = async (code: 'auth.invalid_credentials' | 'auth.totp_invalid', reason: string, field?: string) => {
    await writeAudit(
      db,
      {
        actorId: user?.id ?? null,
        party: user?.partyId ?? null,
        action: 'auth.sign_in_failed',
        data: { username: input.username, address: input.address, reason },
      },
      now,
    );
    await alertOwner();
    return new AppError(code, field);
  };
  if (known && !allowed) throw await fail('auth.invalid_credentials', 'auth.address_not_allowed');
  if (!user || !ok) throw await fail('auth.invalid_credentials', 'auth.invalid_credentials');
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) {
      await forgiveFailure(db, keys.pair);
      await forgiveFailure(db, keys.addr);
      await forgiveFailure(db, keys.account);
      throw new AppError('auth.totp_required', 'totp');
    }
    const step = await totpStep(user.totpSecret, input.totp, user.totpLastStep);
    if (step === null || !(await consumeTotpStep(db, user.id, step)))
      throw await fail('auth.totp_invalid', 'auth.totp_invalid', 'totp');
  }
  await clearFailures(db, keys.pair);
  await forgiveFailure(db, keys.addr);
  // The account's own counter is only taken back by one: the owner signing in does not reopen it to the attacker.
  await forgiveFailure(db, keys.account);
  return openSession(db, user, options, { address: input.address, method: 'password' }, now);
}
