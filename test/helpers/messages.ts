import { randomUUID } from 'node:crypto';

/** A minimal PDF: file-type recognises it from its first bytes. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export interface RawMessage {
  from: string;
  to?: string;
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  attachments?: { name: string; type: string; content: Buffer }[];
}

/** A header value in RFC 2047 encoded words when it is not ASCII (8-bit headers are quarantined). */
const word = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;

/** A raw RFC 5322 message, written out by hand so tests control every byte. */
export function rawMessage(m: RawMessage): string {
  const id = m.messageId ?? `<${randomUUID()}@sender.test>`;
  const head = [
    `From: ${m.from}`,
    `To: ${m.to ?? 'desk@eu.test'}`,
    `Subject: ${word(m.subject)}`,
    `Message-ID: ${id}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  const parts: string[] = [];
  if (m.text !== undefined)
    parts.push(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${m.text}\r\n`);
  if (m.html !== undefined)
    parts.push(`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${m.html}\r\n`);
  for (const a of m.attachments ?? [])
    parts.push(
      `Content-Type: ${a.type}; name="${a.name}"\r\nContent-Disposition: attachment; filename="${a.name}"\r\n` +
        `Content-Transfer-Encoding: base64\r\n\r\n${a.content.toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
    );
  if (parts.length === 1) return `${head.join('\r\n')}\r\n${parts[0]}`;
  const boundary = `b-${randomUUID()}`;
  return (
    `${head.join('\r\n')}\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n` +
    parts.map((p) => `--${boundary}\r\n${p}`).join('') +
    `--${boundary}--\r\n`
  );
}

export const messageIdOf = (raw: string) => /^Message-ID: (.+)$/m.exec(raw)![1]!.trim();
