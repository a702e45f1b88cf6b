import { ChainWalker, type ChainProblem } from '../../domain/audit-chain.ts';
import type { Db } from '../../store/db.ts';
import { chainEntries, entryFollowing, firstUnchainedEntry, readChainBatch, readChainHead } from '../../store/audit.ts';

export interface ChainReport {
  ok: boolean;
  /** Entries recomputed. */
  entries: number;
  head: { seq: number; hash: string };
  problem: ChainProblem | null;
  checkedAt: string;
}

/** Entries per query: each batch comes back as one aggregated text (store/audit.ts). */
const BATCH = 20_000;

/**
 * AUD-1: recomputes the whole chain in keyset batches (never the whole table in memory) up to the
 * head as it stood when verification began, and names the first entry altered, removed or reordered.
 * With a checkpoint held by an auditor, the entry at its position must carry its head hash.
 */
export async function verifyAuditChain(
  db: Db,
  checkpoint?: { seq: number; headHash: string },
  batch = BATCH,
): Promise<ChainReport> {
  const head = await readChainHead(db);
  const walker = new ChainWalker(checkpoint);
  let entries = 0;
  const upto = Math.max(head.seq, checkpoint?.seq ?? 0);
  let after = 0;
  let pending = readChainBatch(db, after, upto, batch);
  for (;;) {
    const read = await pending;
    if (!read) break;
    // The next batch is asked for before this one is hashed: PostgreSQL reads it meanwhile.
    const more = read.count === batch;
    if (more) {
      pending = readChainBatch(db, read.last, upto, batch);
      pending.catch(() => undefined);
    }
    const batchEntries = chainEntries(read) ?? chainEntries((await readChainBatch(db, after, upto, batch, 'fields'))!)!;
    const { ids, seqs, canonical, prevHashes, hashes } = batchEntries;
    let stop = false;
    for (let i = 0; i < ids.length; i++) {
      if (!walker.step(ids[i]!, seqs[i]!, canonical[i]!, prevHashes[i]!, hashes[i]!)) {
        stop = true;
        break;
      }
      entries++;
    }
    if (stop || !more) break;
    after = read.last;
  }
  let problem = walker.finish(head);
  if (problem?.linkBroken) problem = await explainBrokenLink(db, problem, walker.hash);
  if (!problem) {
    const unchained = await firstUnchainedEntry(db);
    if (unchained !== null) problem = { kind: 'unchained', seq: walker.seq + 1, id: unchained };
  }
  return { ok: problem === null, entries, head, problem, checkedAt: new Date().toISOString() };
}

/**
 * An entry whose stored link does not match its predecessor: if the entry that follows the
 * predecessor stands elsewhere, entries were reordered; if this entry is consistent on its own,
 * the predecessor was rewritten with a fresh hash; otherwise this entry was altered.
 */
async function explainBrokenLink(db: Db, problem: ChainProblem, previousHash: string): Promise<ChainProblem> {
  const { linkBroken, selfConsistent, ...rest } = problem;
  void linkBroken;
  const moved = await entryFollowing(db, previousHash);
  if (moved !== null && moved !== problem.seq) return { ...rest, kind: 'reordered', foundAt: moved };
  if (selfConsistent && problem.seq > 1) return { kind: 'altered', seq: problem.seq - 1 };
  return rest;
}
