import type { Lifecycle } from '../lifecycle.ts';
import { DESK, WORKERS, withCommonActions } from './common.ts';

const OPEN = [
  'recorded',
  'awaiting_approval',
  'approved',
  'in_fulfilment',
  'fulfilled',
  'verified',
  'refused',
] as const;

/**
 * REQ-1 … REQ-4: recorded → (awaiting approval → approved) → in fulfilment → fulfilled →
 * verified → closed. A refusal sends it back to the owning desk (refused), which closes it with
 * the refusal reason: only the owner closes (PARTY-2). Approvals and tasks are gates: only the
 * parties whose decision or task is awaited may act on them.
 */
export const REQUEST_LIFECYCLE: Lifecycle = withCommonActions(
  {
    initial: 'recorded',
    states: [...OPEN, 'closed'],
    final: ['closed'],
    actions: {
      request_approval: { from: ['recorded'], to: 'awaiting_approval', standing: 'owner', roles: DESK },
      // The last approval moves it on (decided by the use case).
      approve: { from: ['awaiting_approval'], standing: 'approver', roles: ['agent', 'level_manager'] },
      refuse: { from: ['awaiting_approval'], to: 'refused', standing: 'approver', roles: ['agent', 'level_manager'] },
      start_fulfilment: { from: ['recorded', 'approved'], to: 'in_fulfilment', standing: 'owner', roles: DESK },
      // The last task completed makes it fulfilled (decided by the use case).
      complete_task: { from: ['in_fulfilment'], standing: 'tasked', roles: WORKERS },
      forward_task: { from: ['in_fulfilment'], standing: 'tasked', roles: DESK },
      verify: { from: ['fulfilled'], to: 'verified', standing: 'owner', roles: DESK },
      reject_fulfilment: { from: ['fulfilled', 'verified'], to: 'in_fulfilment', standing: 'owner', roles: DESK },
      close: { from: ['verified', 'refused'], to: 'closed', standing: 'owner', roles: DESK },
    },
  },
  OPEN,
);
