import { and, asc, desc, eq, gt, gte, isNotNull, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ChainEntry } from '../domain/audit-chain.ts';
import type { Db } from './db.ts';
import { auditChainHead, auditCheckpoints, auditLog, tickets, users } from './schema/index.ts';

/** Rows of a raw query on either engine. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows; // a raw query's rows are untyped on both drivers: the caller's SQL names T
}

export type StoredChainEntry = ChainEntry & { id: number; hash: string };

const FIELD = '\x1f';
const RECORD = '\x1e';
const NULL_MARK = '\\N';

/**
 * One batch of the chain in order, as text exactly as the canonical form needs it. The batch comes
 * back as one aggregated text (fields and records split by ASCII unit/record separators): several
 * times faster than one result row per entry on PGlite. A field that itself holds a separator makes
 * its entry fail verification (as any unreadable entry would).
 */
export async function readChainBatch(db: Db, afterSeq: number, uptoSeq: number, limit: number) {
  const result = await db.execute(sql`
    select string_agg(concat_ws(${FIELD}, id, seq, ((extract(epoch from at) * 1000000)::bigint),
      coalesce(actor_id::text, ${NULL_MARK}), coalesce(party, ${NULL_MARK}), action, coalesce(target_id, ${NULL_MARK}),
      data::text, coalesce(prev_hash, ''), coalesce(hash, '')), ${RECORD} order by seq) as blob
    from (select * from audit_log where seq > ${afterSeq} and seq <= ${uptoSeq} order by seq limit ${limit}) a`);
  const blob = rowsOf<{ blob: string | null }>(result)[0]?.blob;
  if (!blob) return [];
  const orNull = (v: string | undefined) => (v === NULL_MARK || v === undefined ? null : v);
  return blob.split(RECORD).map((record): StoredChainEntry => {
    const f = record.split(FIELD);
    return {
      id: Number(f[0]),
      seq: Number(f[1]),
      atMicros: f[2] ?? '',
      actorId: orNull(f[3]),
      party: orNull(f[4]),
      action: f[5] ?? '',
      targetId: orNull(f[6]),
      dataText: f.length === 10 ? f[7]! : '',
      prevHash: f[8] ?? '',
      hash: f[9] ?? '',
    };
  });
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
