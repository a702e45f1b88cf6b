import { startPolling } from './poll.ts';
import type { Db } from '../store/db.ts';
import { claimMailbox, releaseMailbox } from '../store/mail.ts';
import { collectMailbox, type CollectCounts, type CollectSettings } from '../services/mail/collect-mailbox.ts';

/**
 * One pass over the mailboxes: claims them one at a time (row lock and lease, so several nodes
 * share the work and never read one mailbox together) and collects each; returns per mailbox.
 */
export async function collectAllMailboxes(
  db: Db,
  settings: Omit<CollectSettings, 'leaseMs'> & { leaseMs?: number },
  log: (error: unknown) => void = () => undefined,
): Promise<Record<string, CollectCounts>> {
  const leaseMs = settings.leaseMs ?? 5 * 60_000;
  const done: Record<string, CollectCounts> = {};
  const visited = new Set<string>();
  for (;;) {
    const mailbox = await claimMailbox(db, settings.holder, new Date(), leaseMs);
    if (!mailbox) break;
    if (visited.has(mailbox.id)) {
      await releaseMailbox(db, mailbox.id, settings.holder, new Date(), mailbox.lastError);
      break;
    }
    visited.add(mailbox.id);
    try {
      done[mailbox.name] = await collectMailbox(db, mailbox, { ...settings, leaseMs });
      await releaseMailbox(db, mailbox.id, settings.holder, new Date(), null);
    } catch (error) {
      log(error);
      await releaseMailbox(db, mailbox.id, settings.holder, new Date(), String((error as Error).message ?? error));
    }
  }
  return done;
}

/** Polls the mailboxes until stopped (`passerelle serve`, every node); one pass a tick, the first within a second. */
export function startMailCollector(
  db: Db,
  settings: Omit<CollectSettings, 'leaseMs'> & { leaseMs?: number },
  pollMs: number,
  log: (error: unknown) => void,
): () => void {
  const pass = async () => {
    await collectAllMailboxes(db, settings, log);
    return 0;
  };
  return startPolling(pass, pollMs, log, Math.min(pollMs, 1000));
}
