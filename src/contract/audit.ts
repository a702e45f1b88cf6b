import { z } from 'zod';
import { Instant } from './schemas.ts';

/** AUD-1/AUD-2: the shapes of /api/v1/audit/* — the per-party audit, the chain's verification and its signed checkpoints. */
export const AuditFilter = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  actor: z.string().min(1).max(200).optional(),
  ticket: z.string().min(1).max(64).optional(),
  action: z
    .string()
    .regex(/^[a-z_][a-z0-9_.]*\*?$/, 'an action such as ticket.transfer, or a prefix such as ticket.*')
    .max(100)
    .optional(),
});
export const AuditListQuery = AuditFilter.extend({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), username: z.string().nullable() }).nullable(),
  party: z.string().nullable(),
  action: z.string(),
  targetId: z.string().nullable(),
  ticketRef: z.string().nullable(),
  data: z.unknown(),
  hash: z.string().nullable(),
});
/** `GET /audit/entries`: a page of entries, newest first, and the cursor of the next one. */
export const AuditEntryPage = z.object({ entries: z.array(AuditEntry), next: z.number().int().nullable() });
export const ChainProblem = z.object({
  kind: z.enum(['altered', 'removed', 'reordered', 'unchained', 'checkpoint_mismatch']),
  seq: z.number().int(),
  id: z.number().int().optional(),
  foundAt: z.number().int().optional(),
});
export const ChainReport = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
  problem: ChainProblem.nullable(),
  checkedAt: z.string(),
});
export const Checkpoint = z.object({
  format: z.literal('passerelle-checkpoint-v1'),
  id: z.uuid(),
  instanceId: z.uuid(),
  seq: z.number().int().min(0),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyId: z.string().max(64),
  publicKey: z.string().max(2000),
  signature: z.string().max(200),
});

export type AuditEntry = z.output<typeof AuditEntry>;
export type AuditEntryPage = z.output<typeof AuditEntryPage>;
export type ChainReport = z.output<typeof ChainReport>;
export type Checkpoint = z.output<typeof Checkpoint>;
