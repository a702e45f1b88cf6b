import type { Criticality, Impact, Priority, Sensitivity } from '../types.ts';

export const TICKET_TYPES = [
  'incident',
  'problem',
  'request',
  'change',
  'release',
  'security',
  'consultation',
] as const;
export const INCIDENT_STATUSES = ['recorded', 'in_progress', 'pending', 'resolved', 'verified', 'closed'] as const;
/** The statuses of each type, in lifecycle order (the queue filters on them). */
export const STATUSES_BY_TYPE: Record<string, readonly string[]> = {
  incident: INCIDENT_STATUSES,
  security: ['recorded', 'characterised', 'analysed', 'contained', 'recovered', 'reported', 'closed'],
  problem: ['recorded', 'in_progress', 'pending', 'known_error', 'closed'],
  request: ['recorded', 'awaiting_approval', 'approved', 'in_fulfilment', 'fulfilled', 'verified', 'refused', 'closed'],
  change: [
    'recorded',
    'assessed',
    'in_review',
    'awaiting_approval',
    'approved',
    'implemented',
    'reviewed',
    'rejected',
    'closed',
  ],
  consultation: ['requested', 'acknowledged', 'answered', 'concluded'],
  release: ['planning', 'build_test', 'deployment_preparation', 'approved', 'deployed', 'rolled_back', 'closed'],
};
export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4', 'P5'];
export const IMPACTS: readonly Impact[] = ['I1', 'I2', 'I3'];
export const CRITICALITIES: readonly Criticality[] = ['C1', 'C2', 'C3'];
export const SENSITIVITIES: readonly Sensitivity[] = ['LIMITED', 'SENSITIVE', 'CRITICAL'];
export const CHANNELS = ['console', 'phone', 'email'] as const;
export const CLOSURE_CHECKLIST = [
  'categorisationVerified',
  'informationComplete',
  'documentationUpdated',
  'stakeholdersInformed',
] as const;

/** SLA-1: impact × criticality → priority (C1: P1 P2 P3; C2: P2 P3 P4; C3: P3 P4 P5). */
export function matrixPriority(impact: Impact, criticality: Criticality): Priority {
  const step = IMPACTS.indexOf(impact) + CRITICALITIES.indexOf(criticality);
  return PRIORITIES[step] ?? 'P5';
}

/** The levels a user with `clearance` may assign. */
export function levelsUpTo(clearance: Sensitivity): Sensitivity[] {
  return SENSITIVITIES.slice(0, SENSITIVITIES.indexOf(clearance) + 1);
}
