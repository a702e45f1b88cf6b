import type { Approval } from './approvals.ts';
import { pendingParties } from './approvals.ts';
import type { Gate } from './lifecycle.ts';
import type { Criticality } from './priority.ts';

/** PARTY-4: a disagreement between desks, escalated one level where it is decided. */
export interface Disagreement {
  openedByParty: string;
  openedBy: string;
  reason: string;
  level: number;
  openedAt: string;
  decision?: string;
  decidedBy?: string;
  decidedAt?: string;
}

export interface ProblemDetails {
  rootCause?: string;
  frequency?: number;
  knownErrorId?: string;
}

export interface RequestTask {
  party: string;
  status: 'open' | 'done';
  note: string | null;
  thirdParty: string | null;
  doneBy: string | null;
  doneAt: string | null;
}

export interface RequestDetails {
  catalogueItem: { id: string; code: string; name: { en: string; fr: string } };
  values: Record<string, string>;
  approvalRequired: boolean;
  fulfillers: 'owner' | 'other' | 'both';
  approvals: Approval[];
  tasks: RequestTask[];
  requesterAccepted?: boolean;
}

export const CHANGE_KINDS = ['normal', 'standard', 'emergency'] as const;
export const CHANGE_ORIGINS = ['incident', 'problem', 'request', 'maintenance', 'legislation'] as const;
export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

export interface Assessment {
  risk: Risk;
  impactAnalysis: string;
  affectedServices: string[];
  affectedParties: string[];
  plannedStart: string;
  plannedEnd: string;
  implementationPlan: string;
  rollbackPlan: string;
}

export interface ChangeDetails {
  kind: (typeof CHANGE_KINDS)[number];
  origin: { kind: (typeof CHANGE_ORIGINS)[number]; reference?: string };
  standardChange?: string;
  assessment: Assessment | null;
  reviews: Approval[];
  approvals: Approval[];
  approvalLevel: number | null;
  appliedAt: string | null;
  releaseId: string | null;
  pir: { outcome: string; notes: string; by: string; at: string } | null;
}

export interface JointWindow {
  id: string;
  startsAt: string;
  endsAt: string;
  status: 'proposed' | 'accepted' | 'refused';
  proposedBy: string;
  decisions: Approval[];
}

export const RELEASE_CHECKLIST = [
  'feedbackCollected',
  'qualityCriteriaReviewed',
  'actionsCompleted',
  'noCapacityIssues',
  'knownErrorsDocumented',
  'earlyLifeSupport',
  'documentationUpdated',
  'handedOver',
  'lessonsLearned',
  'summaryWritten',
  'changesClosedChecked',
] as const;
export type ReleaseChecklistItem = (typeof RELEASE_CHECKLIST)[number];

export interface ReleaseDetails {
  changeIds: string[];
  plan: Record<string, string> | null;
  buildTest: {
    testCases: { name: string; expected: string; result: 'pending' | 'passed' | 'failed' }[];
    [key: string]: unknown;
  } | null;
  deployment: Record<string, string> | null;
  affectedParties: string[];
  approvals: Approval[];
  window: JointWindow | null;
  rollbacks: { reason: string; restored: string; by: string; at: string }[];
  deployments: { by: string; at: string; note: string | null; emergencyReason?: string }[];
  checklist: Partial<Record<ReleaseChecklistItem, { by: string; at: string }>>;
}

/** PRB-1: the more incidents a problem explains, the more urgent it is. */
export function criticalityForFrequency(incidents: number): Criticality {
  if (incidents >= 5) return 'C1';
  if (incidents >= 2) return 'C2';
  return 'C3';
}

/**
 * CHG-3: the escalation level at which the CAB approves, by risk (emergency changes at L2 at
 * least: the emergency CAB). From L3 the approvers are the joint committee's level managers.
 */
export function cabLevelFor(risk: Risk | undefined, kind: ChangeDetails['kind']): number {
  const level = risk === 'high' ? 3 : risk === 'medium' ? 2 : 1;
  return kind === 'emergency' ? Math.max(level, 2) : level;
}

export function approverRoleFor(level: number): 'change_manager' | 'level_manager' {
  return level >= 3 ? 'level_manager' : 'change_manager';
}

/** Why a release may not be deployed now as far as its joint window goes (REL-2, REL-4). */
export type WindowRefusal =
  | { code: 'release.window_required' }
  | { code: 'release.outside_window'; startsAt: string; endsAt: string; emergency: boolean };

/**
 * REL-2 / REL-4: a release affecting several parties is deployed only inside its joint
 * maintenance window, accepted by all of them: not before it starts, not once it has ended.
 * A release bundling an emergency change may be deployed outside the (accepted) window, but
 * only with the reason recorded (`emergencyReason`). Null: the window allows deploying now.
 */
export function windowRefusal(
  details: Pick<ReleaseDetails, 'affectedParties' | 'window'>,
  now: number,
  emergency: { change: boolean; reason?: string | undefined },
): WindowRefusal | null {
  if (details.affectedParties.length < 2) return null;
  const window = details.window;
  if (window?.status !== 'accepted') return { code: 'release.window_required' };
  const inside = Date.parse(window.startsAt) <= now && now < Date.parse(window.endsAt);
  if (inside || (emergency.change && emergency.reason?.trim())) return null;
  return {
    code: 'release.outside_window',
    startsAt: window.startsAt,
    endsAt: window.endsAt,
    emergency: emergency.change,
  };
}

/**
 * REL-5 / REL-6: the checklist items that verify one deployment (feedback on it, its quality
 * criteria and capacity, early life support, hand-over, documentation, summary, its changes
 * closed). A rollback undoes that deployment, so they are cleared; what was learned and the
 * known errors documented stay true and stay ticked.
 */
export const DEPLOYMENT_CHECKLIST_ITEMS: readonly ReleaseChecklistItem[] = RELEASE_CHECKLIST.filter(
  (item) => item !== 'lessonsLearned' && item !== 'knownErrorsDocumented',
);

/** The checklist once a deployment is rolled back, and the ticked items that were cleared. */
export function checklistAfterRollback(checklist: ReleaseDetails['checklist']): {
  checklist: ReleaseDetails['checklist'];
  cleared: ReleaseChecklistItem[];
} {
  const cleared = RELEASE_CHECKLIST.filter((item) => checklist[item] && DEPLOYMENT_CHECKLIST_ITEMS.includes(item));
  const kept = Object.fromEntries(
    Object.entries(checklist).filter(([item]) => !cleared.includes(item as ReleaseChecklistItem)),
  );
  return { checklist: kept, cleared };
}

/** The first REL-6 item nobody has ticked, or null. */
export function firstOpenReleaseItem(checklist: ReleaseDetails['checklist']): ReleaseChecklistItem | null {
  return RELEASE_CHECKLIST.find((item) => !checklist[item]) ?? null;
}

/** Which parties each gate awaits, read from a ticket's details. */
export function gatesOf(type: string, details: unknown): Partial<Record<Gate, string[]>> {
  const d = (details ?? {}) as Partial<RequestDetails & ChangeDetails & ReleaseDetails>;
  switch (type) {
    case 'request':
      return {
        approver: pendingParties(d.approvals),
        tasked: (d.tasks ?? []).filter((t) => t.status === 'open').map((t) => t.party),
      };
    case 'change':
      return { reviewer: pendingParties(d.reviews), approver: pendingParties(d.approvals) };
    case 'release':
      return {
        approver: pendingParties(d.approvals),
        window_partner: d.window?.status === 'proposed' ? pendingParties(d.window.decisions) : [],
      };
    default:
      return {};
  }
}

type HeldBackReason = 'request.approval_required' | 'ticket.disagreement_open' | 'ticket.no_disagreement';

/**
 * Actions the lifecycle allows from the current state but the ticket's own facts hold back,
 * with the reason: a request whose type needs the other party's approval is not fulfilled
 * before it; one disagreement at a time, decided only while open.
 */
export function heldBack(type: string, status: string, details: unknown): Partial<Record<string, HeldBackReason>> {
  const d = (details ?? {}) as Partial<RequestDetails> & { disagreement?: Disagreement };
  const open = Boolean(d.disagreement && !d.disagreement.decidedAt);
  const held: Partial<Record<string, HeldBackReason>> = open
    ? { record_disagreement: 'ticket.disagreement_open' }
    : { decide_disagreement: 'ticket.no_disagreement' };
  if (type === 'request' && status === 'recorded' && d.approvalRequired)
    held.start_fulfilment = 'request.approval_required';
  return held;
}
