import type { Sensitivity } from './sensitivity.ts';

/**
 * Timeline event kinds (TKT-4), one discriminated union read by the console, the audit
 * log and, later, the inter-instance link. `visibility: internal` events are shown only to
 * the owning party.
 */
export type TimelineEvent =
  | { kind: 'created'; data: { ref: string; title: string; channel: string; priority: string } }
  | { kind: 'status_changed'; data: { from: string; to: string; action: string; note?: string } }
  | { kind: 'assigned'; data: { party: string; groupId: string | null; groupName: string | null; assigneeId: string | null; assigneeName: string | null } }
  | { kind: 'transferred'; data: { fromParty: string; toParty: string; groupId: string; groupName: string; reason?: string } }
  | { kind: 'escalated'; data: { mode: 'functional' | 'hierarchical'; fromLevel: number; toLevel: number; levelName?: string; groupName?: string; reason: string } }
  | { kind: 'comment'; data: { body: string } }
  | { kind: 'field_changed'; data: { field: string; from: unknown; to: unknown; reason?: string } }
  | { kind: 'known_error_recorded'; data: { knownError: string; workaround: string } }
  | { kind: 'resolved'; data: { resolution: string } }
  | { kind: 'verified'; data: { note?: string } }
  | { kind: 'closed'; data: { checklist: Record<string, boolean>; note?: string } }
  | { kind: 'linked'; data: { linkKind: string; otherId: string; otherRef: string; direction: 'from' | 'to' } }
  | { kind: 'sensitivity_changed'; data: { from: Sensitivity; to: Sensitivity; reason?: string } }
  | { kind: 'notification_sent'; data: { notification: string; channel: 'email'; recipient: string } }
  | { kind: 'sla_warning'; data: { clock: 'gti' | 'gtr' | 'gte'; targetMs: number; elapsedMs: number } }
  | { kind: 'sla_breached'; data: { clock: 'gti' | 'gtr' | 'gte'; targetMs: number; elapsedMs: number } };

export type TimelineKind = TimelineEvent['kind'];
export type EventVisibility = 'shared' | 'internal';
