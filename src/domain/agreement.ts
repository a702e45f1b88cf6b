import { z } from 'zod';
import { IMPACTS, PRIORITIES } from './priority.ts';
import { SEVERITIES } from './taxonomy.ts';

/**
 * SNC 10.2: the parts of the agreement that bind every party. A change to one of them is
 * proposed by one party with an effective date and applied only once every other party has
 * accepted it. A party's calendar, national scale and users stay its own decision.
 */
export const AGREEMENT_KINDS = [
  'priority_matrix',
  'sla_targets',
  'service_target',
  'escalation_levels',
  'notification_policy',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'refused', 'withdrawn', 'applied'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

const Priority = z.enum(PRIORITIES);
const PriorityRow = z.object({ I1: Priority, I2: Priority, I3: Priority });
export const PriorityMatrixSchema = z.object({ C1: PriorityRow, C2: PriorityRow, C3: PriorityRow });
export const EscalationLevelSchema = z.object({
  level: z.number().int().min(1).max(6),
  name: z.string().trim().min(1).max(120),
});
export const SlaTargetItemSchema = z.object({
  ticketType: z.enum(['incident', 'request']),
  priority: Priority,
  gtiMinutes: z.number().int().min(1).max(30_000),
  gtrMinutes: z.number().int().min(1).max(30_000),
  gteMinutes: z.number().int().min(1).max(30_000),
  objectivePct: z.number().int().min(1).max(100),
});
export const CIA = ['confidentiality', 'integrity', 'availability'] as const;

/** The change a proposal carries, by kind. */
export const AgreementChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('priority_matrix'), matrix: PriorityMatrixSchema.nullable() }),
  z.object({ kind: z.literal('sla_targets'), items: z.array(SlaTargetItemSchema).min(1).max(12) }),
  z.object({
    kind: z.literal('service_target'),
    service: z.string().trim().min(1).max(120),
    targetPct: z.number().min(0).max(100),
  }),
  z.object({ kind: z.literal('escalation_levels'), levels: z.array(EscalationLevelSchema).min(2).max(6) }),
  z.object({
    kind: z.literal('notification_policy'),
    notifyImpacts: z.array(z.enum(IMPACTS)).max(3),
    notifyCia: z.array(z.enum(CIA)).max(3),
    notifyPersonalData: z.boolean(),
    minSeverity: z.enum(SEVERITIES).nullable(),
  }),
]);
export type AgreementChange = z.infer<typeof AgreementChangeSchema>;

export const AgreementDecisionSchema = z.object({
  party: z.string(),
  decision: z.enum(['accepted', 'refused']),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
});
export type AgreementDecision = z.infer<typeof AgreementDecisionSchema>;

/** Why a change is inconsistent in itself (field and detail key), or null. */
export function changeRefusal(change: AgreementChange): { field: string; detail: string } | null {
  if (change.kind === 'escalation_levels' && change.levels.some((l, i) => l.level !== i + 1))
    return { field: 'levels', detail: 'levels_in_order' };
  if (change.kind === 'sla_targets') {
    // First intervention comes before escalation, escalation before resolution.
    const bad = change.items.findIndex((t) => !(t.gtiMinutes <= t.gteMinutes && t.gteMinutes <= t.gtrMinutes));
    if (bad >= 0) return { field: `items.${bad}`, detail: 'target_order' };
  }
  return null;
}

/** The agreement fields of a notification policy (SEC-7); roles and the national scale stay the party's own. */
export const NOTIFICATION_AGREEMENT_FIELDS = [
  'notifyImpacts',
  'notifyCia',
  'notifyPersonalData',
  'minSeverity',
] as const;
