import { and, asc, desc, eq, gt, gte, isNotNull, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ChainEntry } from '../domain/audit-chain.ts';
import type { Db } from './db.ts';
import { auditChainHead, auditCheckpoints, auditLog, tickets, users } from './schema/index.ts';

/** Rows of a raw query on either engine. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

interface RawChainRow {
  id: string | number;
  seq_text: string;
  at_us: string;
  actor_id: string | null;
  party: string | null;
  action: string;
  target_id: string | null;
  data: string;
  prev_hash: string | null;
  hash: string | null;
}

export type StoredChainEntry = ChainEntry & { id: number; hash: string };

/** One batch of the chain in order, as text exactly as the canonical form needs it. */
export async function readChainBatch(db: Db, afterSeq: number, uptoSeq: number, limit: number) {
  const result = await db.execute(sql`
    select id, seq::text as seq_text, ((extract(epoch from at) * 1000000)::bigint)::text as at_us, actor_id::text as actor_id,
      party, action, target_id, data::text as data, prev_hash, hash
    from audit_log where seq > ${afterSeq} and seq <= ${uptoSeq} order by audit_log.seq limit ${limit}`);
  return rowsOf<RawChainRow>(result).map((r): StoredChainEntry => ({
    id: Number(r.id),
    seq: Number(r.seq_text),
    atMicros: r.at_us,
    actorId: r.actor_id,
    party: r.party,
    action: r.action,
    targetId: r.target_id,
    dataText: r.data,
    prevHash: r.prev_hash ?? '',
    hash: r.hash ?? '',
  }));
}

/** Where the entry linked to the given hash stands (a full scan: only run once a problem is found). */
export async function entryFollowing(db: Db, prevHash: string): Promise<number | null> {
  const rows = rowsOf<{ seq: string | null }>(
    await db.execute(sql`select min(seq)::text as seq from audit_log where prev_hash = ${prevHash}`),
  );
  return rows[0]?.seq ? Number(rows[0].seq) : null;
}

/** Committed entries the trigger never chained (the trigger was bypassed). */
export async function firstUnchainedEntry(db: Db): Promise<number | null> {
  const rows = rowsOf<{ id: string | null }>(
    await db.execute(sql`select min(id)::text as id from audit_log where seq is null`),
  );
  return rows[0]?.id ? Number(rows[0].id) : null;
}

/** The chain's head; `lock` holds it until the transaction ends (no entry is appended meanwhile). */
export async function readChainHead(db: Db, lock = false): Promise<{ seq: number; hash: string }> {
  const query = db.select({ seq: auditChainHead.seq, hash: auditChainHead.hash }).from(auditChainHead);
  const rows = await (lock
    ? query.where(eq(auditChainHead.id, 1)).for('update')
    : query.where(eq(auditChainHead.id, 1)));
  return { seq: Number(rows[0]!.seq), hash: rows[0]!.hash };
}

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

export async function latestCheckpoint(db: Db): Promise<CheckpointRow | null> {
  const rows = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.at)).limit(1);
  return rows[0] ?? null;
}

export async function insertCheckpoint(db: Db, row: CheckpointRow): Promise<void> {
  await db.insert(auditCheckpoints).values(row);
}

export async function listCheckpoints(db: Db, limit: number, where?: SQL): Promise<CheckpointRow[]> {
  return db.select().from(auditCheckpoints).where(where).orderBy(desc(auditCheckpoints.at)).limit(limit);
}

export async function findCheckpoint(db: Db, id: string): Promise<CheckpointRow | null> {
  const rows = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.id, id));
  return rows[0] ?? null;
}

export interface AuditFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  /** A username or a user id. */
  actor?: string | undefined;
  /** A ticket's reference or id. */
  ticket?: string | undefined;
  /** An action, or a prefix ending with `*` (`ticket.*`). */
  action?: string | undefined;
}

export interface PartyAuditRow {
  seq: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  party: string | null;
  action: string;
  targetId: string | null;
  ticketRef: string | null;
  data: unknown;
  hash: string | null;
}

const UUID_TEXT = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * AUD-2: the entries that concern a party — actions of its own users on anything that is not a
 * ticket, and every action on a ticket the reader may see (`ticketVisible`: party, clearance, team).
 * Keyset on `seq`, newest first (`before`) or oldest first (`after`, exports).
 */
export async function listPartyAudit(
  db: Db,
  party: string,
  ticketVisible: SQL,
  filter: AuditFilter,
  page: { before?: number; after?: number; limit: number },
): Promise<PartyAuditRow[]> {
  const ticketOfEntry = sql`case when ${auditLog.targetId} ~ ${UUID_TEXT} then ${auditLog.targetId}::uuid end`;
  const conditions: (SQL | undefined)[] = [
    isNotNull(auditLog.seq),
    or(and(isNull(tickets.id), eq(auditLog.party, party)), and(isNotNull(tickets.id), ticketVisible)),
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
    filter.actor
      ? new RegExp(UUID_TEXT).test(filter.actor)
        ? eq(auditLog.actorId, filter.actor)
        : eq(users.username, filter.actor)
      : undefined,
    filter.ticket
      ? new RegExp(UUID_TEXT).test(filter.ticket)
        ? eq(tickets.id, filter.ticket)
        : eq(tickets.ref, filter.ticket)
      : undefined,
    filter.action
      ? filter.action.endsWith('*')
        ? like(auditLog.action, `${filter.action.slice(0, -1).replace(/[%_\\]/g, '\\$&')}%`)
        : eq(auditLog.action, filter.action)
      : undefined,
    page.before !== undefined ? lt(auditLog.seq, page.before) : undefined,
    page.after !== undefined ? gt(auditLog.seq, page.after) : undefined,
  ];
  const rows = await db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorUsername: users.username,
      party: auditLog.party,
      action: auditLog.action,
      targetId: auditLog.targetId,
      ticketRef: tickets.ref,
      data: auditLog.data,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(tickets, eq(tickets.id, ticketOfEntry))
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(page.after !== undefined ? asc(auditLog.seq) : desc(auditLog.seq))
    .limit(page.limit);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
