/** A proposal as GET /agreement/proposals returns it. */
export interface Proposal {
  id: string;
  kind: string;
  party: string;
  proposedByParty: string;
  proposedBy: { id: string | null; name: string };
  change: Record<string, unknown> & { kind: string };
  effectiveFrom: string;
  reason: string;
  status: 'proposed' | 'accepted' | 'refused' | 'withdrawn' | 'applied';
  awaitedParties: string[];
  decisions: { party: string; decision: 'accepted' | 'refused'; byName: string; at: string; reason: string | null }[];
  closedReason: string | null;
  version: number | null;
  createdAt: string;
  appliedAt: string | null;
}

export const AGREEMENT_KINDS = [
  'priority_matrix',
  'sla_targets',
  'service_target',
  'escalation_levels',
  'notification_policy',
] as const;

/** A starting point for the change of each kind, edited as JSON. */
export const CHANGE_TEMPLATES: Record<string, object> = {
  priority_matrix: {
    matrix: {
      C1: { I1: 'P1', I2: 'P2', I3: 'P3' },
      C2: { I1: 'P2', I2: 'P3', I3: 'P4' },
      C3: { I1: 'P3', I2: 'P4', I3: 'P5' },
    },
  },
  sla_targets: {
    items: [
      { ticketType: 'incident', priority: 'P1', gtiMinutes: 30, gteMinutes: 60, gtrMinutes: 240, objectivePct: 95 },
    ],
  },
  service_target: { service: 'Link', targetPct: 99.5 },
  escalation_levels: {
    levels: [
      { level: 1, name: 'Service desk' },
      { level: 2, name: 'Operations manager' },
      { level: 3, name: 'Joint working group' },
    ],
  },
  notification_policy: {
    notifyImpacts: ['I1', 'I2'],
    notifyCia: ['confidentiality', 'integrity'],
    notifyPersonalData: true,
    minSeverity: null,
  },
};
