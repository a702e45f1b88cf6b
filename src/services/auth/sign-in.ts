import { verify as verifyTotp } from 'otplib';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findUserByName, type UserRow } from '../../store/directory.ts';
import { clearFailures, forgiveFailure, insertSession, recordFailure } from '../../store/auth.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { hashPassword, newSecret, verifyPassword } from './secrets.ts';
import { assertSignInAddress } from '../access/check-address.ts';

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures allowed per user name, and per address (higher: many people share one NAT address). */
export const MAX_FAILURES = { user: 10, addr: 50 } as const;

export interface SignInInput {
  username: string;
  password: string;
  totp?: string | undefined;
  address: string;
}

// Verifying against a dummy hash keeps unknown and known names equally slow.
const dummyHash = hashPassword('passerelle-timing-equaliser');

/** Checks a TOTP code with one step of clock drift either way. */
export async function totpMatches(secret: string, code: string): Promise<boolean> {
  const result = await verifyTotp({ secret, token: code, epochTolerance: 30 }).catch(() => ({ valid: false }));
  return result.valid;
}

/**
 * Local sign-in: rate limited per user name and per address (counters in the database,
 * so every node sees them), argon2id password check, then TOTP when enrolled.
 */
export async function signIn(
  db: Db,
  input: SignInInput,
  sessionHours: number,
): Promise<{ user: UserRow; token: string; csrfToken: string }> {
  const now = new Date();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const keys = [`user:${input.username.toLowerCase()}`, `addr:${input.address}`] as const;
  // Count the attempt first, atomically, so parallel guesses cannot all slip under the limit;
  // a right password takes it back.
  const counts = [await recordFailure(db, keys[0], now, since), await recordFailure(db, keys[1], now, since)];
  if (counts[0]! > MAX_FAILURES.user || counts[1]! > MAX_FAILURES.addr) {
    throw new AppError('auth.rate_limited', undefined, { minutes: SIGN_IN_WINDOW_MINUTES });
  }
  const user = await findUserByName(db, input.username);
  const ok =
    user?.passwordHash && user.active
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await dummyHash, input.password);
  const fail = async (code: 'auth.invalid_credentials' | 'auth.totp_invalid', field?: string) => {
    await writeAudit(
      db,
      {
        actorId: user?.id ?? null,
        party: user?.partyId ?? null,
        action: 'auth.sign_in_failed',
        data: { username: input.username, address: input.address, reason: code },
      },
      now,
    );
    return new AppError(code, field);
  };
  if (!user || !ok) throw await fail('auth.invalid_credentials');
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) {
      await forgiveFailure(db, keys[0]);
      await forgiveFailure(db, keys[1]);
      throw new AppError('auth.totp_required', 'totp');
    }
    if (!(await totpMatches(user.totpSecret, input.totp))) throw await fail('auth.totp_invalid', 'totp');
  }
  // ISM-8: the party's IP allow-list, checked once the credentials are proven.
  await assertSignInAddress(db, user, input.address, now);
  await forgiveFailure(db, keys[1]);
  await clearFailures(db, keys[0]!);
  const session = newSecret();
  const csrf = newSecret();
  await insertSession(db, {
    id: session.digest,
    userId: user.id,
    csrfToken: csrf.secret,
    createdAt: now,
    expiresAt: new Date(now.getTime() + sessionHours * 3_600_000),
  });
  await writeAudit(
    db,
    { actorId: user.id, party: user.partyId, action: 'auth.sign_in', data: { address: input.address } },
    now,
  );
  return { user, token: session.secret, csrfToken: csrf.secret };
}
