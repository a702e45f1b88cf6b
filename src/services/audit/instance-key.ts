import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { sha256Hex } from '../../domain/audit-chain.ts';
import { rowsOf } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { writeSettingOnce } from '../../store/instance.ts';

/**
 * The instance's Ed25519 signing key (checkpoints, erasure certificates). Created on first use and
 * kept in `instance_settings` under `signing_key` (so every node of a PostgreSQL instance and every
 * backup share it); only its public part ever leaves the instance. See docs/audit.md.
 */
export interface InstanceKey {
  keyId: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

const StoredKeySchema = z.object({ privateKeyPem: z.string(), publicKeyPem: z.string() });
type StoredKey = z.infer<typeof StoredKeySchema>;

const SETTING = 'signing_key';

export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return sha256Hex(der).slice(0, 16);
}

export async function instanceKey(db: Db): Promise<InstanceKey> {
  const read = async () => {
    const rows = await db.execute(sql`select value from instance_settings where key = ${SETTING}`);
    const value: unknown = rowsOf<{ value: unknown }>(rows)[0]?.value;
    if (value === undefined || value === null) return null;
    return StoredKeySchema.parse(typeof value === 'string' ? JSON.parse(value) : value);
  };
  let stored = await read();
  if (!stored) {
    const pair = generateKeyPairSync('ed25519');
    const fresh: StoredKey = {
      privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    await writeSettingOnce(db, SETTING, fresh);
    stored = (await read())!;
  }
  return {
    keyId: keyIdOf(stored.publicKeyPem),
    publicKeyPem: stored.publicKeyPem,
    privateKey: createPrivateKey(stored.privateKeyPem),
  };
}

export function signText(key: InstanceKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

export function signatureValid(publicKeyPem: string, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
