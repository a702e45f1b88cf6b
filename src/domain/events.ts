import { z } from 'zod';
import { GATES } from './lifecycle.ts';
import { CIA } from './security.ts';
import { PRIORITIES } from './priority.ts';
import { SENSITIVITIES } from './sensitivity.ts';
import { TICKET_CHANNELS } from './ticket-types.ts';
import { AssessmentSchema } from './processes.ts';

const Gate = z.enum(GATES);
const Clock = z.enum(['gti', 'gtr', 'gte']);
const s = z.string();
const opt = z.string().optional();
const strings = z.array(z.string());

/** One event kind and the shape of its data. */
const ev = <K extends string, D extends z.ZodRawShape>(kind: K, data: D) =>
  z.strictObject({ kind: z.literal(kind), data: z.strictObject(data) });

const slaClock = { clock: Clock, targetMs: z.number(), elapsedMs: z.number() };

/**
 * Timeline event kinds (TKT-4), one discriminated union read by the console, the audit log
 * and, later, the inter-instance link; the OpenAPI document publishes it as is.
 * `visibility: internal` events are shown only to the owning party.
 */
export const TimelineEventSchema = z.discriminatedUnion('kind', [
  ev('created', { ref: s, title: s, channel: z.enum(TICKET_CHANNELS), priority: z.enum(PRIORITIES) }),
  ev('status_changed', { from: s, to: s, action: s, note: opt }),
  ev('assigned', {
    party: s,
    groupId: s.nullable(),
    groupName: s.nullable(),
    assigneeId: s.nullable(),
    assigneeName: s.nullable(),
  }),
  ev('transferred', { fromParty: s, toParty: s, groupId: s, groupName: s, reason: opt }),
  ev('escalated', {
    mode: z.enum(['functional', 'hierarchical']),
    fromLevel: z.number().int(),
    toLevel: z.number().int(),
    levelName: opt,
    groupName: opt,
    reason: s,
    // CBM-1: the directory's contact for the new level, when the party named one.
    contact: opt,
  }),
  ev('comment', { body: s, via: z.literal('email').optional(), emailedTo: opt }),
  ev('field_changed', { field: s, from: z.unknown(), to: z.unknown(), reason: opt }),
  ev('known_error_recorded', { knownError: s, workaround: s }),
  ev('resolved', { resolution: s }),
  ev('verified', { note: opt }),
  ev('closed', { checklist: z.record(z.string(), z.boolean()), note: opt }),
  ev('linked', { linkKind: s, otherId: s, otherRef: s, direction: z.enum(['from', 'to']) }),
  ev('sensitivity_changed', { from: z.enum(SENSITIVITIES), to: z.enum(SENSITIVITIES), reason: opt }),
  ev('notification_sent', { notification: s, channel: z.literal('email'), recipient: s }),
  ev('sla_warning', slaClock),
  ev('sla_breached', slaClock),
  // PARTY-4
  ev('disagreement_recorded', { reason: s, fromLevel: z.number().int(), toLevel: z.number().int(), levelName: opt }),
  ev('disagreement_decided', { decision: s, level: z.number().int() }),
  // problems, requests, changes, releases
  ev('root_cause_recorded', { rootCause: s, workaround: opt }),
  ev('known_error_published', { knownErrorId: s, title: s }),
  ev('frequency_changed', { frequency: z.number().int(), criticality: s, priority: s }),
  ev('approval_requested', { gate: Gate, parties: strings, roles: strings, level: z.number().int().optional() }),
  ev('approval_given', { gate: Gate, party: s, decision: s, note: opt, level: z.number().int().optional() }),
  ev('tasks_started', { parties: strings }),
  ev('task_completed', { party: s, note: opt }),
  ev('task_forwarded', { party: s, thirdParty: s, note: opt }),
  z.strictObject({ kind: z.literal('assessment_recorded'), data: AssessmentSchema }),
  ev('pre_approved', { standardChange: s }),
  ev('change_applied', { releaseId: s, releaseRef: s }),
  ev('change_reverted', { releaseId: s, releaseRef: s, reason: s }),
  // On a closed problem whose resolving change was rolled back: the problem stays closed (TKT-3).
  ev('change_rolled_back', { changeId: s, changeRef: s, reason: s }),
  ev('implementation_reviewed', { outcome: s, notes: s }),
  ev('release_recorded', {
    section: z.enum(['plan', 'build_test', 'deployment']),
    values: z.record(z.string(), z.unknown()),
  }),
  ev('release_changes', { change: z.enum(['added', 'removed']), changeId: s, changeRef: s }),
  ev('window_proposed', { windowId: s, startsAt: s, endsAt: s, partners: strings }),
  ev('window_decided', { windowId: s, party: s, decision: z.enum(['accepted', 'refused']), reason: opt }),
  // The number of changes only: the release's details name those the reader may see.
  ev('deployed', { note: opt, changes: z.number().int(), emergencyReason: opt }),
  ev('rolled_back', { reason: s, restored: s, changes: z.number().int() }),
  ev('restarted', { to: s }),
  ev('checklist_ticked', { item: s }),
  // REL-5: the items a rollback un-ticked because they verified the rolled-back deployment.
  ev('checklist_cleared', { items: strings, reason: z.literal('rollback') }),
  ev('request_accepted', { note: opt }),
  // security incidents
  ev('attachment_added', { attachmentId: s, sensitivity: s }),
  ev('team_formed', { members: strings, eventType: s.nullable() }),
  // SEC-2: the owning party adds or removes named members; another party's officer proposes members.
  ev('team_changed', { added: strings, removed: strings }),
  ev('team_members_proposed', { members: strings, party: s }),
  ev('characterised', { taxonomy: s, severity: s, impact: s, awareAt: s }),
  ev('security_alert', { parties: strings, roles: strings, reasons: strings }),
  ev('analysis_recorded', {
    assets: z.number().int(),
    cia: z.array(z.enum(CIA)),
    assetLevel: z.enum(SENSITIVITIES).optional(),
  }),
  ev('contained', { summary: s }),
  ev('recovered', { summary: s, linkReconnectedAt: s.nullable(), registryTeamsInformed: z.boolean() }),
  ev('report_issued', { report: z.enum(['response', 'final']) }),
  ev('indicator_recorded', { name: s }),
  ev('follow_up_added', { id: s, kind: s, description: s, exploitable: z.boolean() }),
  ev('follow_up_completed', { id: s, kind: s, note: opt }),
  ev('authority_notified', { stage: s, recipient: s }),
  ev('regulatory_reminder', { stage: s, dueAt: s, parties: strings, roles: strings }),
  // consultations (CBM-5)
  ev('consultation_acknowledged', { party: s }),
  ev('consultation_answered', { party: s, answer: s }),
  ev('consultation_outcome', { outcome: s }),
  // ISM-8: an IP allow-list change request applied on closure (`changed` false: the list already said so).
  ev('ip_allowlist_changed', {
    party: s,
    action: z.enum(['add', 'remove']),
    cidr: s,
    changed: z.boolean(),
  }),
  // ISM-6: a `tool_access` request granted: the account it asked for was created or changed.
  ev('account_granted', { party: s, username: s, change: z.enum(['created', 'changed']) }),
]);

export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type TimelineKind = TimelineEvent['kind'];
export const EVENT_VISIBILITIES = ['shared', 'internal'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];
