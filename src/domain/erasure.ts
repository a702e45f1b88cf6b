/** AUD-4: the signed proof of a party's erasure at the end of its contract, kept in the audit log. */
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
