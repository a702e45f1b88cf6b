/** AUD-3/AUD-4 evidence and reversibility: the erasure certificate and a party export's progress. */

/** The signed proof of a party's erasure at the end of its contract, kept in the audit log. */
export interface ErasureCertificate {
  format: 'passerelle-erasure-v1';
  instanceId: string;
  party: string;
  noticeAt: string;
  erasedAt: string;
  /** Per step: rows erased and the SHA-256 of their sorted identifiers. */
  erased: { what: string; rows: number; sha256: string }[];
  /** The audit chain's head before the erasure (the audit log itself is kept: it is the evidence). */
  auditHead: { seq: number; hash: string };
  keyId: string;
  publicKey: string;
  signature: string;
}

/** AUD-3: a party export's progress as a durable job. */
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
