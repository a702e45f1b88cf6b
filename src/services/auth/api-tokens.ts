import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from '../../store/auth.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Actor } from '../../domain/actor.ts';
import { newSecret } from './secrets.ts';

const TOKEN_PREFIX = 'psl_';

/** Creates an API token for the actor; the secret is returned once and stored only hashed. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; expiresAt?: Date | undefined; scope?: 'api' | 'calendar' },
) {
  const now = new Date();
  if (input.expiresAt && input.expiresAt <= now) {
    throw new AppError('validation.invalid', 'expiresAt', { field: 'expiresAt', detail: 'future' });
  }
  const { secret, digest } = newSecret(TOKEN_PREFIX);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertApiToken(tx, {
      id: randomUUID(),
      userId: actor.id,
      name: input.name,
      tokenHash: digest,
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: now,
      expiresAt: input.expiresAt ?? null,
      scope: input.scope ?? 'api',
    });
    await writeAudit(
      tx,
      {
        actorId: actor.id,
        party: actor.party,
        action: 'token.create',
        targetId: inserted.id,
        data: { name: input.name, scope: input.scope ?? 'api' },
      },
      now,
    );
    return inserted;
  });
  return { ...row, token: secret };
}

/** The actor's own tokens, without their secrets. */
export function listOwnApiTokens(db: Db, actor: Actor) {
  return listApiTokens(db, actor.id);
}

/** Revokes one of the actor's tokens; another user's token answers not found. */
export async function revokeOwnApiToken(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, actor.id, id, new Date()))) throw new AppError('token.not_found');
    await writeAudit(tx, { actorId: actor.id, party: actor.party, action: 'token.revoke', targetId: id });
  });
}
