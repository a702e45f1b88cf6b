/** Shapes of the process API (problems, requests, changes, releases; docs/api-contract.md) as the console reads them. */
import type { MaintenanceWindow } from './serviceTypes.ts';
import type { TicketDetail } from './types.ts';

export interface Localized {
  en: string;
  fr: string;
}

export type Decision = 'approved' | 'refused' | 'agreed' | 'disagreed';

/** One party's approval, review or agreement. */
export interface Approval {
  party: string;
  decision: Decision | null;
  by: string | null;
  at: string | null;
  note: string | null;
}

/** CBM-5: a consultation between two parties. */
export interface ConsultationDetails {
  consultedParty: string;
  situation: string;
  acknowledgeBy: string;
  answerBy: string;
  acknowledgedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  outcome: string | null;
  overdue: 'acknowledgement' | 'answer' | null;
}

export interface ProblemDetails {
  rootCause?: string | null;
  frequency?: number;
  knownErrorId?: string | null;
}

import type { RequestTask } from '../../domain/processes.ts';

export type { RequestTask };

export interface RequestDetails {
  catalogueItem: { id: string; code: string; name: Localized };
  values: Record<string, unknown>;
  approvalRequired: boolean;
  approvals: Approval[];
  tasks: RequestTask[];
  requesterAccepted: boolean | null;
}

export const CHANGE_KINDS = ['normal', 'standard', 'emergency'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const ORIGIN_KINDS = ['incident', 'problem', 'request', 'maintenance', 'legislation'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];
/** Origins that name a ticket; the others carry a free reference. */
export const TICKET_ORIGINS: readonly OriginKind[] = ['incident', 'problem', 'request'];
export const RISKS = ['low', 'medium', 'high'] as const;
export const PIR_OUTCOMES = ['successful', 'partial', 'failed'] as const;

export interface Assessment {
  risk: (typeof RISKS)[number];
  impactAnalysis: string;
  affectedServices: string[];
  affectedParties: string[];
  plannedStart: string;
  plannedEnd: string;
  implementationPlan: string;
  rollbackPlan: string;
}

export interface ChangeDetails {
  kind: ChangeKind;
  origin: { kind: OriginKind; ticket?: { id: string; ref: string } | null; reference?: string | null };
  standardChange?: string | null;
  assessment: Assessment | null;
  reviews: Approval[];
  approvals: Approval[];
  approvalLevel: number | null;
  appliedAt: string | null;
  releaseRef: string | null;
  pir: { outcome: (typeof PIR_OUTCOMES)[number]; notes: string; by: string | null; at: string | null } | null;
}

/** REL-6, in the order the console lists them: the server's own list. */
export { RELEASE_CHECKLIST, type ReleaseChecklistItem } from '../../domain/processes.ts';

export const RELEASE_PLAN_FIELDS = [
  'scope',
  'riskProfile',
  'affectedUsers',
  'responsibleTeam',
  'deploymentStrategy',
  'resources',
] as const;
export const DEPLOYMENT_FIELDS = ['executionPlan', 'rollbackApproach', 'notifications'] as const;
export const TEST_RESULTS = ['pending', 'passed', 'failed'] as const;
/** The steps a rolled-back release may restart from. */
export const RESTART_STEPS = ['planning', 'build_test', 'deployment_preparation'] as const;

export interface TestCase {
  name: string;
  expected: string;
  result: (typeof TEST_RESULTS)[number];
}

export interface BuildTest {
  deliveryPlan: string;
  testPlan: string;
  leadTimes: string;
  delayHandling: string;
  successIndicators: string[];
  testCases: TestCase[];
}

export type WindowStatus = 'scheduled' | 'proposed' | 'accepted' | 'refused' | 'withdrawn';

export interface ReleaseDetails {
  changes: { id: string; ref: string; title: string; status: string }[];
  plan: Record<(typeof RELEASE_PLAN_FIELDS)[number], string> | null;
  buildTest: BuildTest | null;
  deployment: Record<(typeof DEPLOYMENT_FIELDS)[number], string> | null;
  affectedParties: string[];
  approvals: Approval[];
  window: {
    id: string;
    startsAt: string;
    endsAt: string;
    status: WindowStatus;
    proposedBy: string | null;
    decisions?: Approval[];
  } | null;
  rollbacks: { reason: string; restored: string; by: string | null; at: string }[];
  deployments?: { by: string | null; at: string; note: string | null }[];
  checklist: Partial<Record<string, { by: string | null; at: string } | null>>;
}

export interface CatalogueField {
  key: string;
  label: Localized;
  type: 'text' | 'textarea' | 'email' | 'date' | 'cidr' | 'select';
  required: boolean;
  options?: string[];
}

export interface CatalogueItem {
  id: string;
  party: string;
  kind: 'request' | 'standard_change';
  code: string;
  name: Localized;
  description: Localized;
  fields: CatalogueField[];
  approvalRequired: boolean;
  fulfillers: 'owner' | 'other' | 'both';
  active: boolean;
}

export interface KnownError {
  id: string;
  problemId: string;
  problemRef: string;
  title: string;
  service: string;
  symptoms: string;
  cause: string;
  workaround: string;
  sensitivity: string;
  publishedAt: string;
}

/** A maintenance window as listed with the joint-window fields (COL-5, REL-2). */
export interface CalendarWindow extends MaintenanceWindow {
  joint?: boolean;
  partners?: string[];
  status?: WindowStatus;
  releaseRef?: string | null;
}

/** The per-type details of a ticket, typed by its type; null when absent. */
export function detailsOf(detail: TicketDetail, type: 'problem'): ProblemDetails | null;
export function detailsOf(detail: TicketDetail, type: 'request'): RequestDetails | null;
export function detailsOf(detail: TicketDetail, type: 'change'): ChangeDetails | null;
export function detailsOf(detail: TicketDetail, type: 'release'): ReleaseDetails | null;
export function detailsOf(detail: TicketDetail, type: 'consultation'): ConsultationDetails | null;
export function detailsOf(detail: TicketDetail, type: string): unknown {
  return detail.type === type && detail.details ? detail.details : null;
}

/** The text of a localized catalogue label in the console's language. */
export function localized(value: Localized | string | null | undefined, lang: 'en' | 'fr'): string {
  if (!value) return '';
  if (typeof value === 'string') return value;
  return value[lang] || value.en || value.fr;
}
