/** Shapes of the security API (SEC, ISM; src/http/routes/security*.ts, assets.ts, certificates.ts, access-reviews.ts) as the console reads them. */
import type { Approval, Localized } from './processTypes.ts';
import type { Sensitivity, TicketDetail } from './types.ts';

export const CIA = ['confidentiality', 'integrity', 'availability'] as const;
export type CiaField = (typeof CIA)[number];
// The server's own vocabularies and shapes, so the console cannot drift from them.
import type { AssetImpact, FollowUp, RegulatoryStage } from '../../domain/security.ts';
import { SEVERITIES } from '../../domain/taxonomy.ts';

export { FOLLOW_UP_KINDS, LOSS_LEVELS, REGULATORY_STAGES, type Loss, type Tlp } from '../../domain/security.ts';
export { SEVERITIES, type AssetImpact, type FollowUp, type RegulatoryStage };
export const CIA_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type CiaLevel = (typeof CIA_LEVELS)[number];

import type { StageClock, StageRecord } from '../../domain/security.ts';

export type { StageClock, StageRecord };

export interface SecurityDetails {
  eventType?: string;
  taxonomy?: { class: string; type: string };
  severity?: (typeof SEVERITIES)[number];
  national?: { party: string; level: string };
  awareAt?: string;
  personalData?: boolean;
  ciaAffected?: CiaField[];
  impacts?: AssetImpact[];
  measures?: { initial: string; followUp: string; resources: string };
  containment?: { summary: string; by: string; at: string };
  recovery?: {
    summary: string;
    linkDisconnected: boolean;
    linkReconnectedAt: string | null;
    registryTeamsInformed: boolean;
    by: string;
    at: string;
  };
  followUps?: FollowUp[];
  stages?: Partial<Record<RegulatoryStage, StageRecord>>;
  reports?: Partial<Record<'response' | 'final', { issuedAt: string; by: string }>>;
  indicators?: { name: string; pattern: string }[];
  clocks?: StageClock[];
}

/** The security details of a ticket, or null for another type. */
export function securityDetailsOf(detail: TicketDetail): SecurityDetails | null {
  return detail.type === 'security' ? ((detail.details ?? {}) as SecurityDetails) : null;
}

export interface TaxonomyType {
  value: string;
  label: Localized;
}

export interface TaxonomyClass {
  value: string;
  label: Localized;
  types: TaxonomyType[];
}

export interface Taxonomy {
  taxonomy: { classes: TaxonomyClass[] };
  severities: string[];
  tlp: string[];
}

export interface AssetPart {
  id: string;
  name: string;
  party: string;
  common: boolean;
  sensitivity: Sensitivity;
}

export interface Asset {
  id: string;
  party: string;
  common: boolean;
  name: string;
  description: string;
  owner: string;
  confidentiality: CiaLevel;
  integrity: CiaLevel;
  availability: CiaLevel;
  sensitivity: Sensitivity;
  personalData: boolean;
  notes: string;
  lis: boolean;
  parts: AssetPart[];
  status: 'active' | 'pending' | 'refused' | 'retired';
  approvals: Approval[];
  reviewIntervalDays: number;
  nextReviewAt: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: ('update' | 'approve' | 'review')[];
}

export const REVIEW_OUTCOMES = ['confirmed', 'changed', 'retired'] as const;

export interface AssetReview {
  id: string;
  outcome: (typeof REVIEW_OUTCOMES)[number];
  note: string;
  reviewer: { id: string | null; name: string };
  reviewedAt: string;
}

export const VERIFICATION_CHANNELS = ['phone', 'in_person', 'signed_letter', 'video'] as const;

export interface Certificate {
  id: string;
  party: string;
  name: string;
  usage: string;
  subject: string;
  issuer: string;
  serial: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  caId: string | null;
  state: string;
  usable: boolean;
  verification: {
    by: string;
    party: string;
    at: string;
    channel: string;
    counterpart: string;
    fingerprint: string;
  } | null;
  change: { id: string; ref: string; status: string } | null;
  pendingChange: 'renewal' | 'revocation' | null;
  alerts: string[];
  version: number;
  createdAt: string;
}

export interface TrustedCa {
  id: string;
  name: string;
  subject: string;
  fingerprint: string;
  notAfter: string;
  trustedBy: string[];
  trustedByAll: boolean;
  createdAt: string;
}

export const ACCESS_DECISIONS = ['keep', 'change', 'revoke'] as const;

export interface AccessReviewItem {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  clearance: string;
  active: boolean;
  decision: (typeof ACCESS_DECISIONS)[number] | null;
  newRoles: string[] | null;
  newClearance: string | null;
  note: string | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
}

export interface AccessReviewSummary {
  id: string;
  party: string;
  status: 'open' | 'closed';
  startedBy: string | null;
  startedAt: string;
  closedAt: string | null;
  accounts: number;
  undecided: number;
}

export interface AccessReview extends AccessReviewSummary {
  items: AccessReviewItem[];
}

export interface SecurityPolicy {
  notifyImpacts: string[];
  notifyCia: CiaField[];
  notifyPersonalData: boolean;
  minSeverity: string | null;
  roles: string[];
  severityScale: Record<string, string>;
}
