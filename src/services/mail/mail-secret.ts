import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';

/** The 32-byte key of MAIL_SECRET_KEY (64 hex digits or base64), or an error naming the variable. */
export function mailKey(value: string | undefined): Buffer {
  if (!value) throw new AppError('mail.secret_key_missing', 'MAIL_SECRET_KEY');
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new AppError('mail.secret_key_missing', 'MAIL_SECRET_KEY');
  return key;
}

/** Seals a mailbox secret at rest: AES-256-GCM, base64(iv ‖ tag ‖ ciphertext). */
export function sealSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Opens a sealed secret; a wrong key or a tampered value fails (GCM tag). */
export function openSecret(key: Buffer, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
