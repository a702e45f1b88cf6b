import type { Lifecycle } from '../lifecycle.ts';
import { DESK, WORKERS, withCommonActions } from './common.ts';

const OPEN = ['recorded', 'in_progress', 'pending', 'known_error'] as const;

/**
 * PRB-1 … PRB-3: recorded → in progress ⇄ pending → known error → closed. The registering desk
 * assigns and follows up; closing needs an applied change (checked by the use case).
 */
export const PROBLEM_LIFECYCLE: Lifecycle = withCommonActions(
  {
    initial: 'recorded',
    states: [...OPEN, 'closed'],
    final: ['closed'],
    actions: {
      assign: { from: OPEN, to: { recorded: 'in_progress' }, standing: 'holder', roles: WORKERS },
      link_incident: { from: OPEN, standing: 'participant', roles: WORKERS },
      record_root_cause: { from: OPEN, standing: 'holder', roles: WORKERS },
      publish_known_error: {
        from: ['recorded', 'in_progress', 'pending', 'known_error'],
        to: 'known_error',
        standing: 'holder',
        roles: WORKERS,
      },
      pend: { from: ['recorded', 'in_progress'], to: 'pending', standing: 'holder', roles: WORKERS },
      resume: { from: ['pending'], to: 'in_progress', standing: 'holder', roles: WORKERS },
      close: { from: ['in_progress', 'known_error'], to: 'closed', standing: 'owner', roles: DESK },
    },
  },
  OPEN,
);
