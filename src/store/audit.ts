import { and, asc, desc, eq, gt, gte, isNotNull, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { canonicalText } from '../domain/audit-chain.ts';
import type { Db } from './db.ts';
import { auditChainHead, auditCheckpoints, auditLog, tickets, users } from './schema/index.ts';

/** Rows of a raw query on either engine. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows; // a raw query's rows are untyped on both drivers: the caller's SQL names T
}

/** One batch of the chain as read: `count` entries in `seq` order, the last at `last`. */
export interface ChainBatch {
  text: string;
  count: number;
  last: number;
  /** `canonical`: each entry's canonical form built by the query; `fields`: its fields, hex-encoded. */
  form: 'canonical' | 'fields';
}

/** The batch's entries in parallel arrays (no object per entry), each with its canonical form. */
export interface ChainEntries {
  ids: number[];
  seqs: number[];
  canonical: string[];
  prevHashes: string[];
  hashes: string[];
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const hex = (column: string) => sql.raw(`encode(convert_to(${column}::text, 'UTF8'), 'hex')`);
/** A JSON string as `json()` writes it, for a text that needs no escaping (checked on reading). */
const quoted = (column: string) => sql.raw(`coalesce('"' || ${column} || '"', 'null')`);
const micros = sql`((extract(epoch from at) * 1000000)::bigint)::text`;

const forms = {
  // id, seq, prev, hash, party, action, target (nullable ones empty when null, else prefixed with `=`),
  // then the canonical form, built here with each text simply quoted: the reader checks that the
  // party, action and target need no escaping, else reads the batch again as `fields`.
  canonical: sql`concat_ws(${FIELD}, id, seq, coalesce(prev_hash, ''), coalesce(hash, ''),
    coalesce('=' || party, ''), action, coalesce('=' || target_id, ''),
    concat_ws(E'\n', 'passerelle-audit-v1', seq::text, ${micros}, ${quoted('actor_id')}, ${quoted('party')},
      ${quoted('action')}, ${quoted('target_id')}, data::text, coalesce(prev_hash, '')))`,
  // id, seq, at, actor, party, action, target, data, prev, hash, every text but data hex-encoded
  // (data is jsonb text, which escapes control characters): no field can hold a separator.
  fields: sql`concat_ws(${FIELD}, id, seq, ${micros}, coalesce('=' || ${hex('actor_id')}, ''),
    coalesce('=' || ${hex('party')}, ''), ${hex('action')}, coalesce('=' || ${hex('target_id')}, ''), data::text,
    coalesce(${hex('prev_hash')}, ''), coalesce(${hex('hash')}, ''))`,
};

/**
 * One batch of the chain in order, as one aggregated text (several times faster than one result
 * row per entry on PGlite), entries split by ASCII record separators, fields by unit separators.
 */
export async function readChainBatch(
  db: Db,
  afterSeq: number,
  uptoSeq: number,
  limit: number,
  form: ChainBatch['form'] = 'canonical',
): Promise<ChainBatch | null> {
  const result = await db.execute(sql`
    select string_agg(${forms[form]}, ${RECORD} order by seq) as text, count(*)::int as count, max(seq)::text as last
    from (select * from audit_log where seq > ${afterSeq} and seq <= ${uptoSeq} order by seq limit ${limit}) a`);
  const row = rowsOf<{ text: string | null; count: number; last: string | null }>(result)[0];
  if (!row?.text) return null;
  return { text: row.text, count: Number(row.count), last: Number(row.last), form };
}

/** A character JSON escapes (or might: surrogates), or a record separator, in party, action or target. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001e\ud800-\udfff]/g;

/**
 * Splits a batch into its entries with their canonical forms; null when it does not split into
 * `count` well-formed entries (a text held a separator) or a text needs escaping: read the batch
 * again as `fields`.
 */
export function chainEntries(batch: ChainBatch): ChainEntries | null {
  return batch.form === 'canonical' ? builtEntries(batch) : fieldEntries(batch);
}

function builtEntries({ text, count }: ChainBatch): ChainEntries | null {
  const entries: ChainEntries = { ids: [], seqs: [], canonical: [], prevHashes: [], hashes: [] };
  let at = 0;
  for (let n = 0; n < count; n++) {
    let end = text.indexOf(RECORD, at);
    if (end < 0) end = text.length;
    const cuts: number[] = [];
    for (let i = 0, from = at; i < 7; i++) {
      const next = text.indexOf(FIELD, from);
      if (next < 0 || next > end) return null;
      cuts.push(next);
      from = next + 1;
    }
    const extra = text.indexOf(FIELD, cuts[6]! + 1);
    if (extra >= 0 && extra < end) return null;
    NEEDS_ESCAPE.lastIndex = cuts[3]! + 1;
    const escape = NEEDS_ESCAPE.exec(text);
    if (escape && escape.index < cuts[6]!) return null;
    entries.ids.push(Number(text.slice(at, cuts[0])));
    entries.seqs.push(Number(text.slice(cuts[0]! + 1, cuts[1])));
    entries.prevHashes.push(text.slice(cuts[1]! + 1, cuts[2]));
    entries.hashes.push(text.slice(cuts[2]! + 1, cuts[3]));
    entries.canonical.push(text.slice(cuts[6]! + 1, end));
    at = end + 1;
  }
  return at >= text.length ? entries : null;
}

function fieldEntries({ text, count }: ChainBatch): ChainEntries | null {
  const entries: ChainEntries = { ids: [], seqs: [], canonical: [], prevHashes: [], hashes: [] };
  const decode = (v: string) => Buffer.from(v, 'hex').toString('utf8');
  const nullable = (v: string) => (v === '' ? null : decode(v.slice(1)));
  const f: string[] = new Array<string>(10);
  let at = 0;
  for (let n = 0; n < count; n++) {
    let end = text.indexOf(RECORD, at);
    if (end < 0) end = text.length;
    for (let i = 0; i < 9; i++) {
      const next = text.indexOf(FIELD, at);
      if (next < 0 || next > end) return null;
      f[i] = text.slice(at, next);
      at = next + 1;
    }
    f[9] = text.slice(at, end);
    at = end + 1;
    entries.ids.push(Number(f[0]));
    entries.seqs.push(Number(f[1]));
    const prevHash = decode(f[8]!);
    entries.canonical.push(
      canonicalText(f[1]!, f[2]!, nullable(f[3]!), nullable(f[4]!), decode(f[5]!), nullable(f[6]!), f[7]!, prevHash),
    );
    entries.prevHashes.push(prevHash);
    entries.hashes.push(decode(f[9]!));
  }
  return entries;
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
