import { bigint, bigserial, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import type { ErasureCertificate, ExportStatus } from '../../domain/evidence.ts';

/**
 * Security-relevant actions (AUD-1). `seq`, `prev_hash` and `hash` are set at commit by the
 * deferred `audit_log_chain` trigger (migration `audit_chain_trigger`): one chain per instance,
 * each entry hashing its canonical form and the previous entry's hash (docs/audit.md).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    party: text('party'),
    action: text('action').notNull(),
    targetId: text('target_id'),
    data: jsonb('data').notNull(),
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_log_party_at').on(t.party, t.at), uniqueIndex('audit_log_seq').on(t.seq)],
);

/** The chain's head: one row, locked by the trigger at commit so that nodes append one at a time. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** AUD-1: a signed statement of the chain's head (count and hash) at a time, kept by auditors outside the instance. */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: uuid('id').primaryKey(),
  at: ts('at').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  keyId: text('key_id').notNull(),
  publicKey: text('public_key').notNull(),
  signature: text('signature').notNull(),
});

/** AUD-3: a party's export, run as a durable job; the archive is written to EXPORT_DIR. */
export const partyExports = pgTable(
  'party_exports',
  {
    id: uuid('id').primaryKey(),
    partyId: text('party_id').notNull(),
    requestedBy: uuid('requested_by'),
    status: text('status').$type<ExportStatus>().notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    file: text('file'),
    bytes: bigint('bytes', { mode: 'number' }),
    sha256: text('sha256'),
    error: text('error'),
    createdAt: ts('created_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('party_exports_party').on(t.partyId, t.createdAt)],
);

/** AUD-4: a party's end of contract: notice, reminder at 21 days, erasure within 30 days with its certificate. */
export const partyOffboardings = pgTable('party_offboardings', {
  partyId: text('party_id').primaryKey(),
  noticeAt: ts('notice_at').notNull(),
  noticedBy: uuid('noticed_by'),
  remindedAt: ts('reminded_at'),
  erasedAt: ts('erased_at'),
  certificate: jsonb('certificate').$type<ErasureCertificate>(),
});
