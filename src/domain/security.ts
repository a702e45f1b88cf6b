import { z } from 'zod';
import type { TicketDetails } from './details.ts';
import type { Impact } from './priority.ts';
import type { Role } from './roles.ts';
import { maxSensitivity, SENSITIVITIES, sensitivityRank, type Sensitivity } from './sensitivity.ts';
import { SEVERITIES, type Severity } from './taxonomy.ts';
import { DisagreementSchema } from './processes.ts';

/** SEC-2/5: escalation level 3 (the joint committee's working group): the roles that own security incidents and receive their reports. */
export const LEVEL3_ROLES: readonly Role[] = ['security_officer', 'level_manager'];

/** Roles that read a team-restricted ticket without being on its team: level 3, and auditors (read-only). */
export const TEAM_BYPASS_ROLES: readonly Role[] = [...LEVEL3_ROLES, 'auditor'];

export const LOSS_LEVELS = ['none', 'partial', 'total'] as const;
export type Loss = (typeof LOSS_LEVELS)[number];
const LossSchema = z.enum(LOSS_LEVELS);
export const CIA = ['confidentiality', 'integrity', 'availability'] as const;
export type Cia = (typeof CIA)[number];

/** SEC-4: what an incident did to one information asset, and what it means for each organisation. */
export const AssetImpactSchema = z.strictObject({
  /** Null for a reader who may not see the asset (ISM-4). */
  assetId: z.string().nullable(),
  assetName: z.string().nullable(),
  confidentiality: LossSchema,
  integrity: LossSchema,
  availability: LossSchema,
  consequences: z.record(z.string(), z.string()),
});
export type AssetImpact = z.infer<typeof AssetImpactSchema>;

export const FOLLOW_UP_KINDS = ['weakness', 'procedure', 'training'] as const;

/** SEC-6: a follow-up action; an exploitable weakness keeps the incident ETS CRITICAL until it is done. */
export const FollowUpSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(FOLLOW_UP_KINDS),
  description: z.string(),
  exploitable: z.boolean(),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const REGULATORY_STAGES = ['early_warning', 'notification', 'final_report'] as const;
export type RegulatoryStage = (typeof REGULATORY_STAGES)[number];

export const StageRecordSchema = z.strictObject({
  sentAt: z.string(),
  by: z.string(),
  recipient: z.string(),
  content: z.string(),
});
export type StageRecord = z.infer<typeof StageRecordSchema>;

export const SECURITY_REPORTS = ['response', 'final'] as const;

export const TeamProposalSchema = z.strictObject({
  userId: z.string(),
  name: z.string(),
  party: z.string(),
  by: z.string(),
  at: z.string(),
});
export type TeamProposal = z.infer<typeof TeamProposalSchema>;

/** SEC-1 … SEC-11: what is known of a security incident, stage by stage. */
export const SecurityDetailsSchema = z.strictObject({
  disagreement: DisagreementSchema.optional(),
  eventType: z.string().optional(),
  taxonomy: z.strictObject({ class: z.string(), type: z.string() }).optional(),
  severity: z.enum(SEVERITIES).optional(),
  national: z.strictObject({ party: z.string(), level: z.string() }).optional(),
  awareAt: z.string().optional(),
  personalData: z.boolean().optional(),
  ciaAffected: z.array(z.enum(CIA)).optional(),
  impacts: z.array(AssetImpactSchema).optional(),
  measures: z.strictObject({ initial: z.string(), followUp: z.string(), resources: z.string() }).optional(),
  containment: z.strictObject({ summary: z.string(), by: z.string(), at: z.string() }).optional(),
  recovery: z
    .strictObject({
      summary: z.string(),
      linkDisconnected: z.boolean(),
      linkReconnectedAt: z.string().nullable(),
      registryTeamsInformed: z.boolean(),
      by: z.string(),
      at: z.string(),
    })
    .optional(),
  followUps: z.array(FollowUpSchema).optional(),
  stages: z.partialRecord(z.enum(REGULATORY_STAGES), StageRecordSchema).optional(),
  reminded: z.partialRecord(z.enum(REGULATORY_STAGES), z.boolean()).optional(),
  reports: z
    .partialRecord(z.enum(SECURITY_REPORTS), z.strictObject({ issuedAt: z.string(), by: z.string() }))
    .optional(),
  indicators: z.array(z.strictObject({ name: z.string(), pattern: z.string() })).optional(),
  /** SEC-11 / COP 9: the highest ETS level of the information assets the analysis named; the incident never goes below it. */
  assetLevel: z.enum(SENSITIVITIES).optional(),
  /** SEC-2: members proposed by another party's security officer, until the owning party accepts them. */
  teamProposals: z.array(TeamProposalSchema).optional(),
});
export type SecurityDetails = z.infer<typeof SecurityDetailsSchema>;

/**
 * SEC-2: what a change of the incident management team leads to. The owning party forms it, then
 * adds or removes named members (never a silent replacement); the team always keeps at least one
 * member of the owning party. Returns the new team or why it is refused.
 */
export function changedTeam(
  current: readonly string[] | null,
  add: readonly string[],
  remove: readonly string[],
  partyOf: (userId: string) => string | undefined,
  ownerParty: string,
):
  | { team: string[]; added: string[]; removed: string[] }
  | { refusal: 'not_in_team' | 'team_needs_owner_member'; index?: number } {
  const before = current ?? [];
  const missing = remove.findIndex((id) => !before.includes(id) && !add.includes(id));
  if (missing >= 0) return { refusal: 'not_in_team', index: missing };
  const added = add.filter((id) => !before.includes(id) && !remove.includes(id));
  const removed = remove.filter((id) => before.includes(id));
  const team = [...before.filter((id) => !removed.includes(id)), ...added];
  if (!team.some((id) => partyOf(id) === ownerParty)) return { refusal: 'team_needs_owner_member' };
  return { team, added, removed };
}

const INVESTIGATING = ['characterised', 'analysed', 'contained'];

/**
 * SEC-3: a security incident is at least ETS SENSITIVE, and ETS CRITICAL while an investigation
 * is open or an exploitable weakness is recorded and not yet dealt with.
 */
export function minimumSensitivity(
  type: string,
  status: string,
  details: TicketDetails | undefined,
): Sensitivity | null {
  if (type !== 'security') return null;
  const d: Partial<SecurityDetails> = details ?? {};
  const openWeakness = (d.followUps ?? []).some((f) => f.exploitable && !f.done);
  const byState: Sensitivity = INVESTIGATING.includes(status) || openWeakness ? 'CRITICAL' : 'SENSITIVE';
  // SEC-11 / COP 9: the information about an incident takes the highest level of the information involved.
  return maxSensitivity(byState, d.assetLevel ?? 'LIMITED');
}

/** Why a security incident may not go below `level`: the assets its analysis named, or its state (SEC-3). */
export function minimumReason(details: TicketDetails | undefined, level: Sensitivity): 'SEC-11' | 'SEC-3' {
  const d: Partial<SecurityDetails> = details ?? {};
  return d.assetLevel && sensitivityRank(d.assetLevel) >= sensitivityRank(level) ? 'SEC-11' : 'SEC-3';
}

/** The level a ticket must be raised to, or null when it already is high enough. */
export function raisedSensitivity(
  type: string,
  status: string,
  details: TicketDetails | undefined,
  current: Sensitivity,
): Sensitivity | null {
  const minimum = minimumSensitivity(type, status, details);
  if (!minimum) return null;
  const raised = maxSensitivity(current, minimum);
  return raised === current ? null : raised;
}

/** SEC-8 deadlines from the moment of awareness: early warning 24 h, notification 72 h, final report one month. */
export function stageDeadline(stage: RegulatoryStage, awareAt: Date): Date {
  if (stage === 'early_warning') return new Date(awareAt.getTime() + 24 * 3_600_000);
  if (stage === 'notification') return new Date(awareAt.getTime() + 72 * 3_600_000);
  const due = new Date(awareAt);
  const day = due.getUTCDate();
  due.setUTCMonth(due.getUTCMonth() + 1);
  // 31 January + one month is the last day of February, not 3 March.
  if (due.getUTCDate() !== day) due.setUTCDate(0);
  return due;
}

/** How long before each deadline the team is reminded. */
export const REMINDER_LEAD_MS: Record<RegulatoryStage, number> = {
  early_warning: 6 * 3_600_000,
  notification: 24 * 3_600_000,
  final_report: 7 * 86_400_000,
};

/** SEC-8: where one regulatory deadline stands. */
export const StageClockSchema = z.strictObject({
  stage: z.enum(REGULATORY_STAGES),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  state: z.enum(['pending', 'due_soon', 'overdue', 'sent', 'sent_late', 'not_sent']),
});
export type StageClock = z.infer<typeof StageClockSchema>;

/** SEC-8: the three regulatory clocks of an incident at `now`; once it is closed, a stage never sent stays `not_sent`. */
export function regulatoryClocks(
  awareAt: Date,
  stages: SecurityDetails['stages'],
  now: Date,
  closedAt: Date | null = null,
): StageClock[] {
  return (['early_warning', 'notification', 'final_report'] as const).map((stage) => {
    const due = stageDeadline(stage, awareAt);
    const sent = stages?.[stage];
    let state: StageClock['state'];
    if (sent) state = Date.parse(sent.sentAt) <= due.getTime() ? 'sent' : 'sent_late';
    else if (closedAt) state = 'not_sent';
    else if (now > due) state = 'overdue';
    else state = now.getTime() >= due.getTime() - REMINDER_LEAD_MS[stage] ? 'due_soon' : 'pending';
    return { stage, dueAt: due.toISOString(), sentAt: sent?.sentAt ?? null, state };
  });
}

/** SEC-7 default notification policy (SNC 11.1.1.3): impact I1/I2, confidentiality or integrity of the party's data, personal-data breaches. */
export interface SecurityPolicy {
  notifyImpacts: Impact[];
  notifyCia: ('confidentiality' | 'integrity' | 'availability')[];
  notifyPersonalData: boolean;
  minSeverity: Severity | null;
  roles: Role[];
  /** SEC-9: the party's national scale mapped to the common one. */
  severityScale: Record<string, Severity>;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  notifyImpacts: ['I1', 'I2'],
  notifyCia: ['confidentiality', 'integrity'],
  notifyPersonalData: true,
  minSeverity: null,
  roles: ['security_officer', 'level_manager'],
  severityScale: {},
};

/** Why a party's policy asks for its people to be notified of an incident, or [] when it does not. */
export function notificationReasons(
  policy: SecurityPolicy,
  incident: {
    impact: Impact;
    severity?: Severity | undefined;
    ciaAffected?: string[] | undefined;
    personalData?: boolean | undefined;
  },
  severityRank: (s: Severity) => number,
): string[] {
  const reasons: string[] = [];
  if (policy.notifyImpacts.includes(incident.impact)) reasons.push(`impact:${incident.impact}`);
  for (const cia of incident.ciaAffected ?? [])
    if ((policy.notifyCia as string[]).includes(cia)) reasons.push(`cia:${cia}`);
  if (policy.notifyPersonalData && incident.personalData) reasons.push('personal_data');
  if (policy.minSeverity && incident.severity && severityRank(incident.severity) >= severityRank(policy.minSeverity))
    reasons.push(`severity:${incident.severity}`);
  return reasons;
}

export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/**
 * ISM-5: the TLP 2.0 label of what crosses parties, from its ETS level. Nothing classified is
 * ever CLEAR; SENSITIVE stays with the parties' organisations (AMBER); CRITICAL goes to named
 * recipients only (RED), which is what a team-restricted security incident is.
 */
export const TLP_FOR_SENSITIVITY: Record<Sensitivity, Tlp> = { LIMITED: 'GREEN', SENSITIVE: 'AMBER', CRITICAL: 'RED' };

export function tlpFor(sensitivity: Sensitivity): Tlp {
  return TLP_FOR_SENSITIVITY[sensitivity];
}
