/**
 * ISM-7 certificate and key register: lifecycle states, out-of-band verification channels,
 * expiry thresholds, and how a joint renewal or revocation change settles. Pure rules.
 */
export const CERTIFICATE_STATES = [
  'generated',
  'registered',
  'verified',
  'installed',
  'in_use',
  'renewal',
  'revoked',
  'expired',
] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

/** How a fingerprint was compared with the other party, outside Passerelle. */
export const VERIFICATION_CHANNELS = ['phone', 'in_person', 'signed_letter', 'video'] as const;
export type VerificationChannel = (typeof VERIFICATION_CHANNELS)[number];

/** Days before `notAfter` at which the owning party is warned, each once. */
export const EXPIRY_THRESHOLDS = [60, 30, 7] as const;

/** States in which a certificate is live: it expires, and its expiry is announced. */
export const LIVE_STATES: readonly CertificateState[] = ['registered', 'verified', 'installed', 'in_use'];

/** Where each register step may start from; `verify` marks the certificate usable. */
export const CERTIFICATE_STEPS = {
  verify: { from: ['registered'], to: 'verified' },
  install: { from: ['verified'], to: 'installed' },
  use: { from: ['installed'], to: 'in_use' },
  // Only a verified certificate is renewed; an unverified one is revoked or left to expire.
  renewal: { from: ['verified', 'installed', 'in_use'], to: 'renewal' },
  revocation: { from: ['registered', 'verified', 'installed', 'in_use', 'renewal'], to: null },
} as const satisfies Record<string, { from: readonly CertificateState[]; to: CertificateState | null }>;
export type CertificateStep = keyof typeof CERTIFICATE_STEPS;

export function stepAllowed(step: CertificateStep, state: string): boolean {
  return (CERTIFICATE_STEPS[step].from as readonly string[]).includes(state);
}

/** A fingerprint as people read it out: hex digits only, upper case (colons and spaces dropped). */
export function normaliseFingerprint(value: string): string {
  return value.replace(/[\s:-]/g, '').toUpperCase();
}

export function sameFingerprint(a: string, b: string): boolean {
  const x = normaliseFingerprint(a);
  return x.length === 64 && x === normaliseFingerprint(b);
}

/** Whole days left until `notAfter` (rounded up: 6.2 days left is "7 days"). */
export function daysLeft(notAfter: Date, now: Date): number {
  return Math.ceil((notAfter.getTime() - now.getTime()) / 86_400_000);
}

/**
 * The expiry warning due now, if any: the tightest threshold reached and not yet sent. A
 * certificate registered 20 days before its end gets the 30-day warning only, never a late
 * 60-day one; `covers` lists every threshold the warning stands for, to record them as sent.
 */
export function dueExpiryAlert(
  notAfter: Date,
  now: Date,
  sent: readonly string[],
): { threshold: number; days: number; covers: string[] } | null {
  const days = daysLeft(notAfter, now);
  if (days <= 0) return null;
  const reached = EXPIRY_THRESHOLDS.filter((t) => days <= t);
  if (reached.length === 0) return null;
  const threshold = Math.min(...reached);
  if (sent.includes(String(threshold))) return null;
  return { threshold, days, covers: reached.map(String) };
}

/** A CA counts only when every party on the link trusts it. */
export function trustedByAll(trustedBy: readonly string[], parties: readonly string[]): boolean {
  return parties.length > 0 && parties.every((p) => trustedBy.includes(p));
}

/** One line of a certificate's history (who did what, when). */
export interface CertificateHistoryEntry {
  kind: string;
  at: string;
  by: string;
  byId: string | null;
  party: string | null;
  changeId?: string;
  from?: CertificateState;
  to?: CertificateState;
  [key: string]: unknown;
}

export type CertificateChangeKind = 'renewal' | 'revocation';

/** The renewal or revocation still awaiting its change, read from the history. */
export function pendingChangeOf(
  history: readonly CertificateHistoryEntry[],
  changeId: string | null,
): { kind: CertificateChangeKind; from: CertificateState } | null {
  if (!changeId) return null;
  const mine = history.filter((h) => h.changeId === changeId);
  const requested = mine.find((h) => h.kind === 'renewal_requested' || h.kind === 'revocation_requested');
  if (!requested) return null;
  const settled = mine.some((h) => h.kind.endsWith('_approved') || h.kind.endsWith('_rejected'));
  if (settled) return null;
  return {
    kind: requested.kind === 'renewal_requested' ? 'renewal' : 'revocation',
    from: requested.from ?? 'registered',
  };
}

/** True when the certificate's last renewal change was approved by every party. */
export function renewalApproved(history: readonly CertificateHistoryEntry[], changeId: string | null): boolean {
  return Boolean(changeId) && history.some((h) => h.changeId === changeId && h.kind === 'renewal_approved');
}

/** Change states reached only after the CAB's approval. */
const APPROVED_OR_LATER = ['approved', 'implemented', 'reviewed', 'closed'];

/**
 * How a renewal or revocation change stands: `approved` once every party's CAB has approved it
 * (a change whose assessment was narrowed to fewer parties does not count: `not_joint`),
 * `rejected` when a CAB refused it, else `pending`.
 */
export function settlementOf(
  status: string,
  approvals: readonly { party: string; decision: string | null }[],
  parties: readonly string[],
): 'approved' | 'rejected' | 'not_joint' | 'pending' {
  if (status === 'rejected') return 'rejected';
  if (!APPROVED_OR_LATER.includes(status)) return 'pending';
  const joint = parties.every((p) => approvals.some((a) => a.party === p && a.decision === 'approved'));
  return joint ? 'approved' : 'not_joint';
}

/** ISM-7: the out-of-band check of a certificate's fingerprint. */
export interface CertificateVerification {
  by: string;
  byId: string;
  party: string;
  at: string;
  channel: VerificationChannel;
  counterpart: string;
  fingerprint: string;
}
