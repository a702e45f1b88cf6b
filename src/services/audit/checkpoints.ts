import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkpointText } from '../../domain/audit-chain.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { assertReadsAudit } from '../../policies/audit.ts';
import {
  findCheckpoint,
  insertCheckpoint,
  latestCheckpoint,
  listCheckpoints,
  readChainHead,
  type CheckpointRow,
} from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { instanceId } from '../../store/instance.ts';
import { instanceKey, signatureValid, signText } from './instance-key.ts';
import { verifyAuditChain, type ChainReport } from './verify-chain.ts';

const DAY = 86_400_000;

/** What an auditor downloads and keeps outside the instance. */
export const SignedCheckpointSchema = z.object({
  format: z.literal('passerelle-checkpoint-v1'),
  id: z.string(),
  instanceId: z.string(),
  seq: z.number(),
  headHash: z.string(),
  at: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type SignedCheckpoint = z.infer<typeof SignedCheckpointSchema>;

function present(row: CheckpointRow, instance: string): SignedCheckpoint {
  return {
    format: 'passerelle-checkpoint-v1',
    id: row.id,
    instanceId: instance,
    seq: Number(row.seq),
    headHash: row.headHash,
    at: row.at.toISOString(),
    keyId: row.keyId,
    publicKey: row.publicKey,
    signature: row.signature,
  };
}

/**
 * AUD-1: signs the chain's head (count, hash, time). `ifOlderThanMs` makes it the daily job: under
 * the head's lock, a checkpoint is only added when the last one is older, so nodes never double it.
 */
export async function createCheckpoint(
  db: Db,
  options: { now?: Date; ifOlderThanMs?: number } = {},
): Promise<SignedCheckpoint | null> {
  const now = options.now ?? new Date();
  const instance = await instanceId(db);
  const key = await instanceKey(db);
  return db.transaction(async (tx) => {
    const head = await readChainHead(tx, true);
    if (options.ifOlderThanMs !== undefined) {
      const last = await latestCheckpoint(tx);
      if (last && now.getTime() - last.at.getTime() < options.ifOlderThanMs) return null;
    }
    const at = new Date(Math.floor(now.getTime()));
    const text = checkpointText({ instanceId: instance, seq: head.seq, headHash: head.hash, at: at.toISOString() });
    const row: CheckpointRow = {
      id: randomUUID(),
      at,
      seq: head.seq,
      headHash: head.hash,
      keyId: key.keyId,
      publicKey: key.publicKeyPem,
      signature: signText(key, text),
    };
    await insertCheckpoint(tx, row);
    return present(row, instance);
  });
}

export function dailyCheckpoint(db: Db, now = new Date()) {
  return createCheckpoint(db, { now, ifOlderThanMs: DAY });
}

export async function readCheckpoints(db: Db, actor: Actor, limit = 100): Promise<SignedCheckpoint[]> {
  assertReadsAudit(actor);
  const instance = await instanceId(db);
  return (await listCheckpoints(db, limit)).map((row) => present(row, instance));
}

export async function readCheckpoint(db: Db, actor: Actor, id: string): Promise<SignedCheckpoint> {
  assertReadsAudit(actor);
  const row = await findCheckpoint(db, id);
  if (!row) throw new AppError('request.not_found');
  return present(row, await instanceId(db));
}

export interface CheckpointCheck {
  /** The checkpoint's signature is this instance's, over what it states. */
  signatureValid: boolean;
  /** The signing key is this instance's current key. */
  keyMatches: boolean;
  chain: ChainReport;
}

/** Verifies the chain against a checkpoint an auditor kept: signature first, then the entry at its position. */
export async function verifyAgainstCheckpoint(db: Db, checkpoint: SignedCheckpoint): Promise<CheckpointCheck> {
  const instance = await instanceId(db);
  const key = await instanceKey(db);
  const text = checkpointText({
    instanceId: checkpoint.instanceId,
    seq: checkpoint.seq,
    headHash: checkpoint.headHash,
    at: checkpoint.at,
  });
  const valid = checkpoint.instanceId === instance && signatureValid(checkpoint.publicKey, text, checkpoint.signature);
  const chain = await verifyAuditChain(db, { seq: checkpoint.seq, headHash: checkpoint.headHash });
  return { signatureValid: valid, keyMatches: checkpoint.keyId === key.keyId, chain };
}
