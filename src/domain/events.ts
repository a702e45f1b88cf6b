import type { Gate } from './lifecycle.ts';
import type { Sensitivity } from './sensitivity.ts';

/**
 * Timeline event kinds (TKT-4), one discriminated union read by the console, the audit
 * log and, later, the inter-instance link. `visibility: internal` events are shown only to
 * the owning party.
 */
export type TimelineEvent =
  | { kind: 'created'; data: { ref: string; title: string; channel: string; priority: string } }
  | { kind: 'status_changed'; data: { from: string; to: string; action: string; note?: string } }
  | {
      kind: 'assigned';
      data: {
        party: string;
        groupId: string | null;
        groupName: string | null;
        assigneeId: string | null;
        assigneeName: string | null;
      };
    }
  | {
      kind: 'transferred';
      data: { fromParty: string; toParty: string; groupId: string; groupName: string; reason?: string };
    }
  | {
      kind: 'escalated';
      data: {
        mode: 'functional' | 'hierarchical';
        fromLevel: number;
        toLevel: number;
        levelName?: string;
        groupName?: string;
        reason: string;
      };
    }
  | { kind: 'comment'; data: { body: string; via?: 'email'; emailedTo?: string } }
  | { kind: 'field_changed'; data: { field: string; from: unknown; to: unknown; reason?: string } }
  | { kind: 'known_error_recorded'; data: { knownError: string; workaround: string } }
  | { kind: 'resolved'; data: { resolution: string } }
  | { kind: 'verified'; data: { note?: string } }
  | { kind: 'closed'; data: { checklist: Record<string, boolean>; note?: string } }
  | { kind: 'linked'; data: { linkKind: string; otherId: string; otherRef: string; direction: 'from' | 'to' } }
  | { kind: 'sensitivity_changed'; data: { from: Sensitivity; to: Sensitivity; reason?: string } }
  | { kind: 'notification_sent'; data: { notification: string; channel: 'email'; recipient: string } }
  | { kind: 'sla_warning'; data: { clock: 'gti' | 'gtr' | 'gte'; targetMs: number; elapsedMs: number } }
  | { kind: 'sla_breached'; data: { clock: 'gti' | 'gtr' | 'gte'; targetMs: number; elapsedMs: number } }
  // PARTY-4
  | { kind: 'disagreement_recorded'; data: { reason: string; fromLevel: number; toLevel: number; levelName?: string } }
  | { kind: 'disagreement_decided'; data: { decision: string; level: number } }
  // problems, requests, changes, releases
  | { kind: 'root_cause_recorded'; data: { rootCause: string; workaround?: string } }
  | { kind: 'known_error_published'; data: { knownErrorId: string; title: string } }
  | { kind: 'frequency_changed'; data: { frequency: number; criticality: string; priority: string } }
  | { kind: 'approval_requested'; data: { gate: Gate; parties: string[]; roles: string[]; level?: number } }
  | { kind: 'approval_given'; data: { gate: Gate; party: string; decision: string; note?: string; level?: number } }
  | { kind: 'tasks_started'; data: { parties: string[] } }
  | { kind: 'task_completed'; data: { party: string; note?: string } }
  | { kind: 'task_forwarded'; data: { party: string; thirdParty: string; note?: string } }
  | { kind: 'assessment_recorded'; data: Record<string, unknown> }
  | { kind: 'pre_approved'; data: { standardChange: string } }
  | { kind: 'change_applied'; data: { releaseId: string; releaseRef: string } }
  | { kind: 'change_reverted'; data: { releaseId: string; releaseRef: string; reason: string } }
  | { kind: 'implementation_reviewed'; data: { outcome: string; notes: string } }
  | {
      kind: 'release_recorded';
      data: { section: 'plan' | 'build_test' | 'deployment'; values: Record<string, unknown> };
    }
  | { kind: 'release_changes'; data: { change: 'added' | 'removed'; changeId: string; changeRef: string } }
  | { kind: 'window_proposed'; data: { windowId: string; startsAt: string; endsAt: string; partners: string[] } }
  | {
      kind: 'window_decided';
      data: { windowId: string; party: string; decision: 'accepted' | 'refused'; reason?: string };
    }
  // The number of changes only: the release's details name those the reader may see.
  | { kind: 'deployed'; data: { note?: string; changes: number } }
  | { kind: 'rolled_back'; data: { reason: string; restored: string; changes: number } }
  | { kind: 'restarted'; data: { to: string } }
  | { kind: 'checklist_ticked'; data: { item: string } }
  | { kind: 'request_accepted'; data: { note?: string } }
  // security incidents
  | { kind: 'attachment_added'; data: { attachmentId: string; sensitivity: string } }
  | { kind: 'team_formed'; data: { members: string[]; eventType: string | null } }
  | { kind: 'characterised'; data: { taxonomy: string; severity: string; impact: string; awareAt: string } }
  | { kind: 'security_alert'; data: { parties: string[]; roles: string[]; reasons: string[] } }
  | { kind: 'analysis_recorded'; data: { assets: number; cia: string[] } }
  | { kind: 'contained'; data: { summary: string } }
  | { kind: 'recovered'; data: { summary: string; linkReconnectedAt: string | null; registryTeamsInformed: boolean } }
  | { kind: 'report_issued'; data: { report: 'response' | 'final' } }
  | { kind: 'indicator_recorded'; data: { name: string } }
  | { kind: 'follow_up_added'; data: { id: string; kind: string; description: string; exploitable: boolean } }
  | { kind: 'follow_up_completed'; data: { id: string; kind: string; note?: string } }
  | { kind: 'authority_notified'; data: { stage: string; recipient: string } }
  | { kind: 'regulatory_reminder'; data: { stage: string; dueAt: string; parties: string[]; roles: string[] } }
  // ISM-8: an IP allow-list change request applied on closure (`changed` false: the list already said so).
  | { kind: 'ip_allowlist_changed'; data: { party: string; action: 'add' | 'remove'; cidr: string; changed: boolean } };

export type TimelineKind = TimelineEvent['kind'];
export type EventVisibility = 'shared' | 'internal';
