import { ImapFlow } from 'imapflow';
import type { Db } from '../../store/db.ts';
import { renewMailboxLease, type MailboxRow } from '../../store/mail.ts';
import { ingestMessage, type IngestOutcome, type IngestSettings } from './ingest-message.ts';
import { mailKey, openSecret } from './mail-secret.ts';

export interface CollectSettings extends IngestSettings {
  secretKey: string | undefined;
  /** This node's name on the mailbox lease. */
  holder: string;
  leaseMs: number;
  /** Messages fetched per IMAP round trip. */
  batch?: number;
}

export type CollectCounts = Record<IngestOutcome | 'failed', number>;

/**
 * COL-2: reads a claimed mailbox's unseen messages with IMAP and hands each to the ingestion;
 * a message is marked \\Seen only once what it caused has committed. A crash in between
 * leaves it unseen: read again, its recorded Message-ID makes it do nothing, and it is marked.
 * A message whose ingestion fails unexpectedly (store down) stays unseen for the next pass.
 */
export async function collectMailbox(db: Db, mailbox: MailboxRow, settings: CollectSettings): Promise<CollectCounts> {
  const counts: CollectCounts = { ticket: 0, comment: 0, ignored: 0, quarantined: 0, duplicate: 0, failed: 0 };
  const client = new ImapFlow({
    host: mailbox.imapHost,
    port: mailbox.imapPort,
    secure: mailbox.imapTls,
    auth: { user: mailbox.imapUser, pass: openSecret(mailKey(settings.secretKey), mailbox.imapSecret) },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox.folder);
    try {
      const unseen = (await client.search({ seen: false }, { uid: true })) || [];
      const size = settings.batch ?? 100;
      for (let i = 0; i < unseen.length; i += size) {
        const uids = unseen.slice(i, i + size);
        const messages = await client.fetchAll(uids.join(','), { uid: true, source: true }, { uid: true });
        const done: number[] = [];
        for (const message of messages) {
          if (!message.source) continue;
          try {
            const result = await ingestMessage(db, mailbox, message.source, settings);
            counts[result.outcome]++;
            done.push(message.uid);
          } catch {
            counts.failed++;
          }
        }
        if (done.length > 0) await client.messageFlagsAdd(done.join(','), ['\\Seen'], { uid: true });
        const kept = await renewMailboxLease(db, mailbox.id, settings.holder, new Date(Date.now() + settings.leaseMs));
        if (!kept) break;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return counts;
}
