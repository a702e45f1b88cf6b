import type { Lifecycle } from '../lifecycle.ts';
import { CHANGE_STAFF, withCommonActions } from './common.ts';

const OPEN = ['recorded', 'assessed', 'in_review', 'awaiting_approval', 'approved', 'implemented', 'reviewed'] as const;
const MANAGERS = ['change_manager', 'agent'] as const;

/**
 * CHG-1 … CHG-4: recorded → assessed → (in review by the other affected parties) → awaiting
 * approval (joint CAB) → approved → implemented (only by deploying a release) → reviewed → closed;
 * a CAB refusal ends in rejected. Who approves at which level is checked by the use case.
 */
export const CHANGE_LIFECYCLE: Lifecycle = withCommonActions(
  {
    initial: 'recorded',
    states: [...OPEN, 'closed', 'rejected'],
    final: ['closed', 'rejected'],
    actions: {
      // What the CAB approves is what gets implemented: content is frozen once submitted.
      update: { from: ['recorded', 'assessed'], standing: 'worker', roles: CHANGE_STAFF },
      assess: { from: ['recorded', 'assessed'], to: 'assessed', standing: 'holder', roles: CHANGE_STAFF },
      // To in_review or awaiting_approval, per the affected parties (decided by the use case).
      submit: { from: ['recorded', 'assessed'], standing: 'owner', roles: MANAGERS },
      review_assessment: { from: ['in_review'], standing: 'reviewer', roles: MANAGERS },
      approve: { from: ['awaiting_approval'], standing: 'approver', roles: ['change_manager', 'level_manager'] },
      reject: {
        from: ['awaiting_approval'],
        to: 'rejected',
        standing: 'approver',
        roles: ['change_manager', 'level_manager'],
      },
      review_implementation: { from: ['implemented'], to: 'reviewed', standing: 'owner', roles: MANAGERS },
      close: { from: ['reviewed'], to: 'closed', standing: 'owner', roles: MANAGERS },
    },
  },
  OPEN,
  CHANGE_STAFF,
);
