/**
 * COL-2 rules for mail, pure: what counts as automatic mail (never answered, never a ticket),
 * where a message names a ticket, and how attachment names are made safe.
 */

/** Header values by lower-case name, as read from a message. */
export type HeaderLookup = (name: string) => string | undefined;

/** Why a message is automatic (RFC 3834 and common practice), or null for a person's mail. */
export function automaticReason(header: HeaderLookup, sender: string): string | null {
  const autoSubmitted = header('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  const precedence = header('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return 'precedence';
  if (header('x-auto-response-suppress')) return 'auto_response_suppress';
  if (header('x-autoreply') || header('x-autorespond') || header('x-auto-reply')) return 'auto_reply';
  if (header('list-id') || header('list-unsubscribe')) return 'mailing_list';
  const local = sender.split('@')[0]?.toLowerCase() ?? '';
  if (['mailer-daemon', 'postmaster', 'noreply', 'no-reply', 'donotreply', 'do-not-reply'].includes(local))
    return 'system_sender';
  if (!sender) return 'no_sender';
  const contentType = header('content-type')?.toLowerCase() ?? '';
  if (contentType.includes('multipart/report')) return 'delivery_report';
  return null;
}

const REF_IN_TEXT = /\b([A-Z][A-Z0-9]{1,9}-(?:INC|PRB|REQ|CHG|REL|SEC)-\d{4}-\d{6,})\b/g;

/** Ticket identifiers quoted in a subject, in order. */
export function refsInSubject(subject: string): string[] {
  return [...new Set([...subject.matchAll(REF_IN_TEXT)].map((m) => m[1]!))];
}

/** Message-IDs named in In-Reply-To and References, nearest first. */
export function referencedIds(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const refs = Array.isArray(references) ? references : references ? references.split(/\s+/) : [];
  const all = [...(inReplyTo ? inReplyTo.split(/\s+/) : []), ...refs.reverse()];
  return [...new Set(all.map((id) => id.trim()).filter((id) => /^<[^<>\s]+>$/.test(id)))];
}

/** A file name safe to store and to offer for download: no path, no control or shell-special characters, at most 120 characters. */
export function sanitizeFileName(name: string | undefined, fallback = 'attachment'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned) return fallback;
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 120 - ext.length) + ext;
}

/** The subject of a mail about a ticket: the reference in brackets first, then the title, without piling up "Re:". */
export function replySubject(ref: string, title: string): string {
  const clean = title
    .replace(/^((re|aw|tr|fw|fwd)\s*:\s*)+/i, '')
    .replace(`[${ref}]`, '')
    .trim();
  return `Re: [${ref}] ${clean}`.trim();
}

/** The e-mail address, lower-case, without display name. */
export function normalizeAddress(address: string | undefined): string {
  return (address ?? '').trim().toLowerCase();
}
