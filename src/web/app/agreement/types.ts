export { AGREEMENT_KINDS } from '../../../domain/agreement.ts';
export type { Proposal } from '../../../contract/agreement.ts';
import type { Matrix } from './PriorityMatrixFields.tsx';

/** The priority matrix a first proposal starts from (SLA-1). */
export const DEFAULT_MATRIX: Matrix = {
  C1: { I1: 'P1', I2: 'P2', I3: 'P3' },
  C2: { I1: 'P2', I2: 'P3', I3: 'P4' },
  C3: { I1: 'P3', I2: 'P4', I3: 'P5' },
};

/** A starting point for the change of each kind, edited as JSON. */
export const CHANGE_TEMPLATES: Record<string, object> = {
  priority_matrix: { matrix: DEFAULT_MATRIX },
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
