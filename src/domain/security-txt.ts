import { z } from 'zod';

/** RFC 9116 fields a party publishes in the instance's `/.well-known/security.txt`. */
export const SecurityTxtSchema = z.strictObject({
  contacts: z.array(z.string()).min(1),
  expires: z.string(),
  encryption: z.array(z.string()),
  policy: z.array(z.string()),
  acknowledgments: z.array(z.string()),
  preferredLanguages: z.array(z.string()),
});
export type SecurityTxt = z.infer<typeof SecurityTxtSchema>;

/**
 * RFC 9116: one file for the instance from every party's published fields still in force:
 * Contact (at least one), exactly one Expires (the earliest), Preferred-Languages at most once.
 * Null when no party publishes one in force (the file is then absent, 404).
 */
export function securityTxtFile(published: { party: string; fields: SecurityTxt }[], now: Date): string | null {
  const live = published.filter((p) => Date.parse(p.fields.expires) > now.getTime());
  if (live.length === 0) return null;
  const expires = new Date(Math.min(...live.map((p) => Date.parse(p.fields.expires))));
  const lines: string[] = [];
  const unique = (values: string[]) => [...new Set(values)];
  for (const { party, fields } of live) {
    lines.push(`# ${party}`);
    for (const contact of fields.contacts) lines.push(`Contact: ${contact}`);
    for (const key of fields.encryption) lines.push(`Encryption: ${key}`);
    for (const policy of fields.policy) lines.push(`Policy: ${policy}`);
    for (const ack of fields.acknowledgments) lines.push(`Acknowledgments: ${ack}`);
  }
  const languages = unique(live.flatMap((p) => p.fields.preferredLanguages));
  if (languages.length) lines.push(`Preferred-Languages: ${languages.join(', ')}`);
  lines.push(`Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, 'Z')}`);
  return lines.join('\n') + '\n';
}
