import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { sanitizeFileName } from '../../domain/mail.ts';

/** Media types a browser may be told a download is, when the content itself cannot be recognised. */
const PLAIN_TEXT = /^(text\/plain|text\/csv|application\/json)$/;

/**
 * TKT-7: what is stored of an uploaded file: a safe name, the media type detected from the
 * content (file-type) — never trusted from the sender, except plain text, which has no magic
 * number — its size and digest.
 */
export async function prepareFile(content: Buffer, name: string | undefined, declaredType: string | undefined) {
  const detected = await fileTypeFromBuffer(content).catch(() => undefined);
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const mediaType = detected?.mime ?? (PLAIN_TEXT.test(declared) ? declared : 'application/octet-stream');
  return {
    id: randomUUID(),
    name: sanitizeFileName(name),
    mediaType,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}
