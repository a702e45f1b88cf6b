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
export const CHANNELS = ['console', 'phone', 'email'] as const;
export { INCIDENT_CLOSURE_CHECKLIST as CLOSURE_CHECKLIST } from '../../../domain/checklist.ts';
// The server's own vocabularies (domain/), so the console cannot drift from them.
export { TICKET_TYPES } from '../../../domain/ticket-types.ts';
export { CRITICALITIES, IMPACTS, PRIORITIES } from '../../../domain/priority.ts';
export { SENSITIVITIES } from '../../../domain/sensitivity.ts';

/** SLA-1: impact × criticality → priority (C1: P1 P2 P3; C2: P2 P3 P4; C3: P3 P4 P5). */
export function matrixPriority(impact: Impact, criticality: Criticality): Priority {
  const step = IMPACTS.indexOf(impact) + CRITICALITIES.indexOf(criticality);
  return PRIORITIES[step] ?? 'P5';
}

/** The levels a user with `clearance` may assign. */
export function levelsUpTo(clearance: Sensitivity): Sensitivity[] {
  return SENSITIVITIES.slice(0, SENSITIVITIES.indexOf(clearance) + 1);
}
import {
  CRITICALITIES,
  IMPACTS,
  PRIORITIES,
  type Criticality,
  type Impact,
  type Priority,
} from '../../../domain/priority.ts';
import { SENSITIVITIES, type Sensitivity } from '../../../domain/sensitivity.ts';
