import { eq } from 'drizzle-orm';
import { generateSecret, generateURI } from 'otplib';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findUser } from '../../store/directory.ts';
import { users } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Actor } from '../../domain/actor.ts';
import { consumeTotpStep, totpStep } from './sign-in.ts';

/** Starts TOTP enrolment: a new secret is stored, not yet enforced until a code confirms it. */
export async function setupTotp(db: Db, actor: Actor) {
  const user = await findUser(db, actor.id);
  if (user?.totpEnabled) throw new AppError('validation.invalid', 'totp', { field: 'totp', detail: 'totp_enabled' });
  const secret = generateSecret();
  await db.update(users).set({ totpSecret: secret }).where(eq(users.id, actor.id));
  return {
    secret,
    otpauthUri: generateURI({ issuer: 'Passerelle', label: `${actor.username}@${actor.party}`, secret }),
  };
}

/** Turns TOTP on (or off) once the user proves they hold the secret. */
export async function setTotpEnabled(db: Db, actor: Actor, code: string, enabled: boolean) {
  const user = await findUser(db, actor.id);
  if (!user?.totpSecret || user.totpEnabled === enabled) {
    throw new AppError('validation.invalid', 'code', {
      field: 'code',
      detail: enabled ? 'totp_setup_first' : 'totp_not_enabled',
    });
  }
  // The code is used up like a sign-in code: it cannot be replayed to sign in, nor to turn TOTP off.
  const step = await totpStep(user.totpSecret, code, user.totpLastStep);
  if (step === null || !(await consumeTotpStep(db, actor.id, step))) throw new AppError('auth.totp_invalid', 'code');
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabled: enabled, totpSecret: enabled ? user.totpSecret : null })
      .where(eq(users.id, actor.id));
    await writeAudit(tx, {
      actorId: actor.id,
      party: actor.party,
      action: enabled ? 'auth.totp_enable' : 'auth.totp_disable',
    });
  });
}
