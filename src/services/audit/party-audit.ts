import type { Actor } from '../../domain/actor.ts';
import { csvLine } from '../../domain/csv.ts';
import { assertReadsAudit } from '../../policies/audit.ts';
import { ticketVisibleTo } from '../../policies/ticket-visibility.ts';
import { listPartyAudit, type AuditFilter, type PartyAuditRow } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';

export type { AuditFilter };

/** A stored entry as the API shows it: the time as ISO text, the actor as one object. */
export type AuditEntryView = Omit<PartyAuditRow, 'at' | 'actorId' | 'actorUsername'> & {
  at: string;
  actor: { id: string; username: string | null } | null;
};

function present(row: PartyAuditRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actorId ? { id: row.actorId, username: row.actorUsername } : null,
    party: row.party,
    action: row.action,
    targetId: row.targetId,
    ticketRef: row.ticketRef,
    data: row.data,
    hash: row.hash,
  };
}

/** AUD-2: one page of the entries that concern the reader's party, newest first. */
export async function readPartyAudit(
  db: Db,
  actor: Actor,
  filter: AuditFilter,
  page: { before?: number | undefined; limit: number },
): Promise<{ entries: AuditEntryView[]; next: number | null }> {
  assertReadsAudit(actor);
  const rows = await listPartyAudit(db, actor.party, ticketVisibleTo(actor), filter, {
    ...(page.before !== undefined ? { before: page.before } : {}),
    limit: page.limit + 1,
  });
  const entries = rows.slice(0, page.limit).map(present);
  return { entries, next: rows.length > page.limit ? entries.at(-1)!.seq : null };
}

export const AUDIT_CSV_HEADER = [
  'seq',
  'at',
  'actor_id',
  'actor_username',
  'party',
  'action',
  'target_id',
  'ticket_ref',
  'data',
  'hash',
];

/**
 * AUD-2 export: every matching entry, oldest first, as CSV or JSON Lines, read in keyset
 * batches so that a long history never sits in memory.
 */
export async function* exportPartyAudit(
  db: Db,
  actor: Actor,
  filter: AuditFilter,
  format: 'csv' | 'jsonl',
  batch = 2000,
): AsyncGenerator<string> {
  assertReadsAudit(actor);
  const visible = ticketVisibleTo(actor);
  if (format === 'csv') yield `${AUDIT_CSV_HEADER.join(',')}\r\n`;
  let after = 0;
  for (;;) {
    const rows = await listPartyAudit(db, actor.party, visible, filter, { after, limit: batch });
    if (rows.length === 0) return;
    const lines = rows.map((row) => {
      const e = present(row);
      return format === 'jsonl'
        ? `${JSON.stringify(e)}\n`
        : `${csvLine([
            e.seq,
            e.at,
            e.actor?.id ?? null,
            e.actor?.username ?? null,
            e.party,
            e.action,
            e.targetId,
            e.ticketRef,
            JSON.stringify(e.data),
            e.hash,
          ])}\r\n`;
    });
    yield lines.join('');
    if (rows.length < batch) return;
    after = rows.at(-1)!.seq;
  }
}
