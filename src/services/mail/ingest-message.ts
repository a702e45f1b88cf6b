import { createHash, randomUUID } from 'node:crypto';
import { convert } from 'html-to-text';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/lang.ts';
import { automaticReason, normalizeAddress, referencedIds, refsInSubject } from '../../domain/mail.ts';
import { criticalityForFrequency } from '../../domain/processes.ts';
import { maxSensitivity } from '../../domain/sensitivity.ts';
import { assertMayRecord } from '../../policies/recording.ts';
import { userMaySee } from '../../policies/ticket-visibility.ts';
import { insertAttachment } from '../../store/attachments.ts';
import type { Db } from '../../store/db.ts';
import {
  forgetQuarantined,
  handledMessage,
  insertQuarantine,
  recordHandled,
  ticketById,
  ticketByRef,
  ticketOfMessageIds,
  ticketsOpenedBy,
  updateQuarantine,
  usersByEmail,
  type MailboxRow,
} from '../../store/mail.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import { actorOf } from '../auth/actor.ts';
import { prepareFile } from '../attachments/prepare-file.ts';
import { insertNewTicket } from '../tickets/create-ticket.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface IngestSettings {
  instanceId: string;
  /** Outgoing mail configured: receipts and notifications by e-mail are queued. */
  mail: boolean;
  now?: () => Date;
}

export interface IngestOptions {
  /** A quarantined message retried by a party administrator: its verdict is replaced, the sender's hourly cap does not apply. */
  retryOf?: string;
  /** The administrator retrying it (null: the CLI). */
  decidedBy?: string | null;
}

export type IngestOutcome = 'ticket' | 'comment' | 'ignored' | 'quarantined' | 'duplicate';
export interface IngestResult {
  outcome: IngestOutcome;
  messageId: string;
  ticketId?: string;
  ref?: string;
  reason?: string;
}

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 20_000;
const MAX_COMMENT = 20_000;

/** The header section of a raw message (up to the first empty line). */
function headerSection(raw: Buffer): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const end = [crlf, lf].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  return end === undefined ? raw : raw.subarray(0, end);
}

/** Every charset a message declares (parts' Content-Type and encoded words). */
function declaredCharsets(raw: Buffer): string[] {
  const text = raw.toString('latin1');
  const found = new Set<string>();
  for (const m of text.matchAll(/charset\s*=\s*"?([^"\s;]+)"?/gi)) found.add(m[1]!.toLowerCase());
  for (const m of text.matchAll(/=\?([^?*\s]+)(?:\*[^?]*)?\?[bqBQ]\?/g)) found.add(m[1]!.toLowerCase());
  return [...found];
}

function knownCharset(name: string): boolean {
  if (['utf-7', 'utf7', 'us-ascii', 'ascii'].includes(name)) return true;
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}

/** Why a message cannot be read safely, or null. */
function badMail(
  raw: Buffer,
  parsed: ParsedMail | null,
  mailbox: MailboxRow,
): { reason: string; detail?: string } | null {
  const headers = headerSection(raw);
  if (headers.some((b) => b >= 0x80)) return { reason: 'eight_bit_headers' };
  if (!parsed) return { reason: 'broken_mime' };
  const from = parsed.from?.value[0]?.address;
  if (!from) return { reason: 'broken_mime', detail: 'From' };
  const type = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.startsWith('multipart/') && !type.params?.boundary)
    return { reason: 'broken_mime', detail: 'boundary' };
  if (type?.value?.startsWith('multipart/') && !raw.includes(`--${type.params!.boundary}`))
    return { reason: 'broken_mime', detail: 'boundary' };
  const unknown = declaredCharsets(raw).find((c) => !knownCharset(c));
  if (unknown) return { reason: 'unknown_charset', detail: unknown };
  const large = parsed.attachments.find((a) => a.size > mailbox.maxAttachmentBytes);
  if (large) return { reason: 'attachment_too_large', detail: `${large.filename ?? 'attachment'}: ${large.size}` };
  return null;
}

function isUniqueViolation(error: unknown): boolean {
  // A driver error and its causes, read only for their `code`.
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

function firstAddress(from: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  const first = list[0]?.value[0];
  return { address: normalizeAddress(first?.address), name: (first?.name ?? '').trim() };
}

/** The text of a message: its text part, else its HTML made plain (never kept as markup). */
function bodyText(parsed: ParsedMail): string {
  const text = parsed.text?.trim();
  if (text) return text;
  if (typeof parsed.html === 'string' && parsed.html.trim())
    return convert(parsed.html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] }).trim();
  return '';
}

function languageOf(parsed: ParsedMail): Lang | null {
  const value = String(parsed.headers.get('content-language') ?? '').toLowerCase();
  if (value.startsWith('fr')) return 'fr';
  if (value.startsWith('en')) return 'en';
  return null;
}

/** The account a mailbox records with, speaking for a requester outside Passerelle. */
export function gatewayActor(mailbox: MailboxRow, name?: string): Actor {
  return {
    id: mailbox.gatewayUserId,
    username: `mailbox:${mailbox.name}`,
    displayName: name || `Mailbox ${mailbox.name}`,
    party: mailbox.partyId,
    roles: ['agent'],
    clearance: mailbox.sensitivity,
    language: 'en',
  };
}

/**
 * COL-2: one message into a mailbox. A new message opens a ticket (sender as reporter,
 * subject as title, text as description, attachments at the mailbox's sensitivity, receipt
 * queued); a reply from the reporter or from a user who may see the ticket becomes a shared
 * comment; automatic mail is ignored; mail that cannot be read, or a sender over the hourly
 * cap, goes to quarantine. The Message-ID is recorded in the transaction that writes what the
 * message caused, so a message handled twice does nothing the second time.
 */
export async function ingestMessage(
  db: Db,
  mailbox: MailboxRow,
  raw: Buffer,
  settings: IngestSettings,
  options: IngestOptions = {},
): Promise<IngestResult> {
  // bytea may come back from the store as a plain Uint8Array.
  raw = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  const now = settings.now?.() ?? new Date();
  let parsed: ParsedMail | null = null;
  try {
    parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  } catch {
    parsed = null;
  }
  const declaredId = parsed?.messageId?.trim();
  const messageId =
    declaredId && /^<[^<>\s]+>$/.test(declaredId) && declaredId.length <= 500
      ? declaredId
      : `<${createHash('sha256').update(raw).digest('hex')}@passerelle.invalid>`;
  const sender = firstAddress(parsed?.from);
  const seen = await handledMessage(db, mailbox.id, messageId);
  if (seen && !(options.retryOf && seen.outcome === 'quarantined'))
    return { outcome: 'duplicate', messageId, ticketId: seen.ticketId ?? undefined };

  const handled = (tx: Db, outcome: string, ticketId: string | null, reason: string | null = null) =>
    recordHandled(tx, {
      mailboxId: mailbox.id,
      messageId,
      sender: sender.address,
      outcome,
      reason,
      ticketId,
      language: parsed ? languageOf(parsed) : null,
      processedAt: now,
    });
  const settle = async (tx: Db) => {
    if (!options.retryOf) return;
    await forgetQuarantined(tx, mailbox.id, messageId);
    await updateQuarantine(tx, options.retryOf, { status: 'retried', decidedBy: options.decidedBy, decidedAt: now });
  };
  /** Runs a write; a concurrent handling of the same message (unique Message-ID) makes it a duplicate. */
  const once = async (write: () => Promise<IngestResult>): Promise<IngestResult> => {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) return { outcome: 'duplicate', messageId };
      throw error;
    }
  };
  const quarantine = (reason: string, detail?: string) =>
    once(() =>
      db.transaction(async (tx) => {
        if (options.retryOf) {
          await updateQuarantine(tx, options.retryOf, { reason, detail: detail ?? null });
        } else {
          await insertQuarantine(tx, {
            id: randomUUID(),
            mailboxId: mailbox.id,
            partyId: mailbox.partyId,
            messageId,
            sender: sender.address.slice(0, 320),
            subject: (parsed?.subject ?? '').slice(0, 300),
            reason,
            detail: detail?.slice(0, 500) ?? null,
            raw,
            createdAt: now,
          });
          await handled(tx, 'quarantined', null, reason);
        }
        return { outcome: 'quarantined' as const, messageId, reason };
      }),
    );

  const problem = badMail(raw, parsed, mailbox);
  if (problem || !parsed) return quarantine(problem?.reason ?? 'broken_mime', problem?.detail);
  const mail = parsed;

  const automatic = automaticReason((name) => {
    const value = mail.headers.get(name);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }, sender.address);
  if (automatic)
    return once(() =>
      db.transaction(async (tx) => {
        await settle(tx);
        await handled(tx, 'ignored', null, automatic);
        return { outcome: 'ignored' as const, messageId, reason: automatic };
      }),
    );

  const subject = (mail.subject ?? '').replace(/\s+/g, ' ').trim();
  const text = bodyText(mail);
  const files = await Promise.all(
    mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .map((a) => prepareFile(a.content, a.filename, a.contentType)),
  );

  // A reply: a Message-ID the ticket sent or received, else a reference in the subject.
  const referenced = referencedIds(mail.inReplyTo, mail.references);
  const byHeader = await ticketOfMessageIds(db, mailbox.id, referenced);
  let target = byHeader ? await ticketById(db, byHeader) : null;
  for (const ref of target ? [] : refsInSubject(subject)) {
    target = await ticketByRef(db, ref);
    if (target) break;
  }
  if (target) {
    let actor: Actor | null = null;
    if (target.reporterEmail && normalizeAddress(target.reporterEmail) === sender.address) {
      actor = gatewayActor(mailbox, sender.name ? `${sender.name} <${sender.address}>` : sender.address);
    } else {
      const user = (await usersByEmail(db, sender.address)).find((u) => userMaySee(u, target));
      if (user) actor = actorOf(user);
    }
    if (actor) {
      const ctx: ServiceContext = { db, actor, instanceId: settings.instanceId, mail: settings.mail, now: () => now };
      try {
        return await once(async () => {
          const ticket = await runTicketAction(ctx, target.id, 'comment', undefined, async (row, tx) => {
            const sensitivity = maxSensitivity(row.sensitivity, mailbox.sensitivity);
            const events: PendingEvent[] = [
              {
                event: { kind: 'comment', data: { body: (text || subject).slice(0, MAX_COMMENT), via: 'email' } },
                visibility: 'shared',
              },
            ];
            for (const file of files) {
              await insertAttachment(tx, {
                ...file,
                ticketId: row.id,
                sensitivity,
                party: actor.party,
                uploadedBy: actor.id,
                createdAt: now,
              });
              events.push({ event: { kind: 'attachment_added', data: { attachmentId: file.id, sensitivity } } });
            }
            await settle(tx);
            await handled(tx, 'comment', row.id);
            return { events };
          });
          return { outcome: 'comment' as const, messageId, ticketId: ticket.id, ref: ticket.ref };
        });
      } catch (error) {
        // A closed ticket, or one the sender may no longer act on: the message opens a new ticket instead.
        if (!(error instanceof AppError)) throw error;
      }
    }
  }

  // A sender's new tickets per hour are capped per mailbox (a mail loop or a flood stops here).
  if (!options.retryOf) {
    const opened = await ticketsOpenedBy(db, mailbox.id, sender.address, new Date(now.getTime() - 3_600_000));
    if (opened >= mailbox.senderHourlyCap) return quarantine('sender_rate_limited', `${opened}/h`);
  }

  const type = mailbox.ticketType === 'problem' ? 'problem' : 'incident';
  const sensitivity = mailbox.sensitivity;
  const actor = gatewayActor(mailbox);
  assertMayRecord(actor, type, sensitivity);
  const ctx: ServiceContext = { db, actor, instanceId: settings.instanceId, mail: settings.mail, now: () => now };
  return once(() =>
    db.transaction(async (tx) => {
      const events: PendingEvent[] = files.map((file) => ({
        event: { kind: 'attachment_added' as const, data: { attachmentId: file.id, sensitivity } },
      }));
      const ticket = await insertNewTicket(
        ctx,
        tx,
        {
          type,
          title: (subject || '(no subject)').slice(0, MAX_TITLE),
          description: text.slice(0, MAX_DESCRIPTION),
          service: mailbox.service,
          impact: 'I3',
          criticality: type === 'problem' ? criticalityForFrequency(0) : 'C3',
          sensitivity,
          reporter: (sender.name || sender.address).slice(0, 200),
          reporterEmail: sender.address,
          channel: 'email',
          details: type === 'problem' ? { frequency: 0 } : {},
          events,
          receipt: { mailboxId: mailbox.id, inReplyTo: messageId },
        },
        now,
      );
      for (const file of files) {
        await insertAttachment(tx, {
          ...file,
          ticketId: ticket.id,
          sensitivity,
          party: mailbox.partyId,
          uploadedBy: mailbox.gatewayUserId,
          createdAt: now,
        });
      }
      await settle(tx);
      await handled(tx, 'ticket', ticket.id);
      return { outcome: 'ticket' as const, messageId, ticketId: ticket.id, ref: ticket.ref };
    }),
  );
}
