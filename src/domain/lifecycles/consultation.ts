import type { Lifecycle } from '../lifecycle.ts';
import { DESK, WORKERS } from './common.ts';

const OPEN = ['requested', 'acknowledged', 'answered'] as const;
const CONSULTERS = [...WORKERS, 'level_manager'] as const;

/**
 * CBM-5: requested → acknowledged (by the consulted party) → answered (by it) → concluded (the
 * requesting party records the outcome). Deliberately without transfer or escalation to
 * another party: a consultation stays between the two parties that hold it.
 */
export const CONSULTATION_LIFECYCLE: Lifecycle = {
  initial: 'requested',
  states: [...OPEN, 'concluded'],
  final: ['concluded'],
  actions: {
    comment: { from: OPEN, standing: 'participant', roles: CONSULTERS },
    update: { from: OPEN, standing: 'owner', roles: CONSULTERS },
    acknowledge: { from: ['requested'], to: 'acknowledged', standing: 'consulted', roles: CONSULTERS },
    answer: { from: ['acknowledged'], to: 'answered', standing: 'consulted', roles: CONSULTERS },
    record_outcome: { from: ['answered'], to: 'concluded', standing: 'owner', roles: CONSULTERS },
    record_disagreement: { from: OPEN, standing: 'participant', roles: DESK },
    decide_disagreement: { from: OPEN, standing: 'participant', roles: ['level_manager'] },
  },
};
