import { z } from 'zod';
import { ApprovalSchema, pendingParties } from './approvals.ts';
import type { TicketDetails } from './details.ts';
import type { Gate } from './lifecycle.ts';
import type { Criticality } from './priority.ts';

/** PARTY-4: a disagreement between desks, escalated one level where it is decided. */
export const DisagreementSchema = z.strictObject({
  openedByParty: z.string(),
  openedBy: z.string(),
  reason: z.string(),
  level: z.number().int(),
  openedAt: z.string(),
  decision: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
});
export type Disagreement = z.infer<typeof DisagreementSchema>;

/** What every ticket type's details may carry: an open or decided disagreement (PARTY-4). */
const common = { disagreement: DisagreementSchema.optional() };

/** An incident's details: only what every type shares. */
export const IncidentDetailsSchema = z.strictObject({ ...common });

/** PRB-1 … PRB-3. */
export const ProblemDetailsSchema = z.strictObject({
  ...common,
  rootCause: z.string().optional(),
  frequency: z.number().int().optional(),
  knownErrorId: z.string().optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;

export const RequestTaskSchema = z.strictObject({
  party: z.string(),
  status: z.enum(['open', 'done']),
  note: z.string().nullable(),
  thirdParty: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type RequestTask = z.infer<typeof RequestTaskSchema>;

/** REQ-1 … REQ-5: the catalogue item asked for, the form's values, approvals and fulfilment tasks. */
export const RequestDetailsSchema = z.strictObject({
  ...common,
  catalogueItem: z.strictObject({
    id: z.string(),
    code: z.string(),
    name: z.strictObject({ en: z.string(), fr: z.string() }),
  }),
  values: z.record(z.string(), z.string()),
  approvalRequired: z.boolean(),
  fulfillers: z.enum(['owner', 'other', 'both']),
  approvals: z.array(ApprovalSchema),
  tasks: z.array(RequestTaskSchema),
  requesterAccepted: z.boolean().optional(),
});
export type RequestDetails = z.infer<typeof RequestDetailsSchema>;

export const CHANGE_KINDS = ['normal', 'standard', 'emergency'] as const;
export const CHANGE_ORIGINS = ['incident', 'problem', 'request', 'maintenance', 'legislation'] as const;
export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

/** CHG-2: the impact and risk assessment of a change. */
export const AssessmentSchema = z.strictObject({
  risk: z.enum(RISKS),
  impactAnalysis: z.string(),
  affectedServices: z.array(z.string()),
  affectedParties: z.array(z.string()),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  implementationPlan: z.string(),
  rollbackPlan: z.string(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** CHG-1 … CHG-5. */
export const ChangeDetailsSchema = z.strictObject({
  ...common,
  kind: z.enum(CHANGE_KINDS),
  origin: z.strictObject({ kind: z.enum(CHANGE_ORIGINS), reference: z.string().optional() }),
  standardChange: z.string().optional(),
  assessment: AssessmentSchema.nullable(),
  reviews: z.array(ApprovalSchema),
  approvals: z.array(ApprovalSchema),
  approvalLevel: z.number().int().nullable(),
  appliedAt: z.string().nullable(),
  releaseId: z.string().nullable(),
  pir: z.strictObject({ outcome: z.string(), notes: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export type ChangeDetails = z.infer<typeof ChangeDetailsSchema>;

/** REL-2: a joint maintenance window proposed to the affected parties. */
export const JointWindowSchema = z.strictObject({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['proposed', 'accepted', 'refused']),
  proposedBy: z.string(),
  decisions: z.array(ApprovalSchema),
});
export type JointWindow = z.infer<typeof JointWindowSchema>;

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

export const TEST_RESULTS = ['pending', 'passed', 'failed'] as const;

/** REL-1: the release plan, recorded as a whole. */
export const ReleasePlanSchema = z.strictObject({
  scope: z.string(),
  riskProfile: z.string(),
  affectedUsers: z.string(),
  responsibleTeam: z.string(),
  deploymentStrategy: z.string(),
  resources: z.string(),
});
export type ReleasePlan = z.infer<typeof ReleasePlanSchema>;

/** REL-3: the build and test plan with its test cases. */
export const ReleaseBuildTestSchema = z.strictObject({
  deliveryPlan: z.string(),
  testPlan: z.string(),
  leadTimes: z.string(),
  delayHandling: z.string(),
  successIndicators: z.array(z.string()),
  testCases: z.array(z.strictObject({ name: z.string(), expected: z.string(), result: z.enum(TEST_RESULTS) })),
});
export type ReleaseBuildTest = z.infer<typeof ReleaseBuildTestSchema>;

/** REL-4: the deployment preparation. */
export const ReleaseDeploymentSchema = z.strictObject({
  executionPlan: z.string(),
  rollbackApproach: z.string(),
  notifications: z.string(),
});
export type ReleaseDeployment = z.infer<typeof ReleaseDeploymentSchema>;

const byAt = { by: z.string(), at: z.string() };

/** REL-1 … REL-6. */
export const ReleaseDetailsSchema = z.strictObject({
  ...common,
  changeIds: z.array(z.string()),
  plan: ReleasePlanSchema.nullable(),
  buildTest: ReleaseBuildTestSchema.nullable(),
  deployment: ReleaseDeploymentSchema.nullable(),
  affectedParties: z.array(z.string()),
  approvals: z.array(ApprovalSchema),
  window: JointWindowSchema.nullable(),
  rollbacks: z.array(z.strictObject({ reason: z.string(), restored: z.string(), ...byAt })),
  deployments: z.array(
    z.strictObject({ ...byAt, note: z.string().nullable(), emergencyReason: z.string().optional() }),
  ),
  checklist: z.partialRecord(z.enum(RELEASE_CHECKLIST), z.strictObject(byAt)),
});
export type ReleaseDetails = z.infer<typeof ReleaseDetailsSchema>;

/**
 * CBM-5 / TKT-1: a party asks another to consult on a situation, to reduce the risk of a
 * misunderstanding or an escalation. Only the two parties are on the ticket.
 */
export const ConsultationDetailsSchema = z.strictObject({
  ...common,
  consultedParty: z.string(),
  situation: z.string(),
  acknowledgeBy: z.string(),
  answerBy: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeAt: z.string().nullable(),
});
export type ConsultationDetails = z.infer<typeof ConsultationDetailsSchema>;

/** CBM-5: which deadline of a consultation has passed unmet at `now`, if any. */
export function consultationOverdue(
  d: Pick<ConsultationDetails, 'acknowledgeBy' | 'answerBy' | 'acknowledgedAt' | 'answeredAt'>,
  now: number,
): 'acknowledgement' | 'answer' | null {
  if (!d.acknowledgedAt && Date.parse(d.acknowledgeBy) < now) return 'acknowledgement';
  if (!d.answeredAt && Date.parse(d.answerBy) < now) return 'answer';
  return null;
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
  const kept = Object.fromEntries(Object.entries(checklist).filter(([item]) => !cleared.some((c) => c === item)));
  return { checklist: kept, cleared };
}

/** The first REL-6 item nobody has ticked, or null. */
export function firstOpenReleaseItem(checklist: ReleaseDetails['checklist']): ReleaseChecklistItem | null {
  return RELEASE_CHECKLIST.find((item) => !checklist[item]) ?? null;
}

/** Which parties each gate awaits, read from a ticket's details. */
export function gatesOf(type: string, details: TicketDetails | undefined): Partial<Record<Gate, string[]>> {
  const any: TicketDetails = details ?? {};
  switch (type) {
    case 'consultation': {
      const d: Partial<ConsultationDetails> = any;
      return { consulted: d.consultedParty && !d.answeredAt ? [d.consultedParty] : [] };
    }
    case 'request': {
      const d: Partial<RequestDetails> = any;
      return {
        approver: pendingParties(d.approvals),
        tasked: (d.tasks ?? []).filter((t) => t.status === 'open').map((t) => t.party),
      };
    }
    case 'change': {
      const d: Partial<ChangeDetails> = any;
      return { reviewer: pendingParties(d.reviews), approver: pendingParties(d.approvals) };
    }
    case 'release': {
      const d: Partial<ReleaseDetails> = any;
      return {
        approver: pendingParties(d.approvals),
        window_partner: d.window?.status === 'proposed' ? pendingParties(d.window.decisions) : [],
      };
    }
    default:
      return {};
  }
}

type HeldBackReason =
  'request.approval_required' | 'ticket.disagreement_open' | 'ticket.no_disagreement' | 'security.no_open_follow_up';

/**
 * Actions the lifecycle allows from the current state but the ticket's own facts hold back,
 * with the reason: a request whose type needs the other party's approval is not fulfilled
 * before it; one disagreement at a time, decided only while open; a security incident's
 * follow-up action is completed only while one is open.
 */
export function heldBack(
  type: string,
  status: string,
  details: TicketDetails | undefined,
): Partial<Record<string, HeldBackReason>> {
  const d: Partial<RequestDetails> & {
    disagreement?: Disagreement | undefined;
    followUps?: { done?: boolean | undefined }[] | undefined;
  } = details ?? {};
  const open = Boolean(d.disagreement && !d.disagreement.decidedAt);
  const held: Partial<Record<string, HeldBackReason>> = open
    ? { record_disagreement: 'ticket.disagreement_open' }
    : { decide_disagreement: 'ticket.no_disagreement' };
  if (type === 'request' && status === 'recorded' && d.approvalRequired)
    held.start_fulfilment = 'request.approval_required';
  if (type === 'security' && !(d.followUps ?? []).some((f) => !f.done))
    held.complete_follow_up = 'security.no_open_follow_up';
  return held;
}
