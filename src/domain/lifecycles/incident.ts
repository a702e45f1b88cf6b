import type { Lifecycle } from '../lifecycle.ts';
import { DESK, WORKERS, withCommonActions } from './common.ts';

const OPEN_INC = ['recorded', 'in_progress', 'pending'] as const;

/** INC-1 … INC-6 as data: recorded → in progress ⇄ pending → resolved → verified → closed. */
export const INCIDENT_LIFECYCLE: Lifecycle = withCommonActions(
  {
    initial: 'recorded',
    states: ['recorded', 'in_progress', 'pending', 'resolved', 'verified', 'closed'],
    final: ['closed'],
    actions: {
      update: { from: [...OPEN_INC, 'resolved', 'verified'], standing: 'worker', roles: WORKERS },
      comment: { from: [...OPEN_INC, 'resolved', 'verified'], standing: 'participant', roles: WORKERS },
      // Assigning or transferring starts the work, but does not end a wait on the requester.
      assign: { from: OPEN_INC, to: { recorded: 'in_progress' }, standing: 'holder', roles: WORKERS },
      transfer: { from: OPEN_INC, to: { recorded: 'in_progress' }, standing: 'holder', roles: DESK },
      escalate: { from: OPEN_INC, standing: 'holder', roles: WORKERS },
      record_known_error: { from: OPEN_INC, standing: 'holder', roles: WORKERS },
      pend: { from: ['recorded', 'in_progress'], to: 'pending', standing: 'holder', roles: WORKERS },
      resume: { from: ['pending'], to: 'in_progress', standing: 'holder', roles: WORKERS },
      resolve: { from: OPEN_INC, to: 'resolved', standing: 'holder', roles: WORKERS },
      reject_resolution: { from: ['resolved'], to: 'in_progress', standing: 'owner', roles: DESK },
      verify: { from: ['resolved'], to: 'verified', standing: 'owner', roles: DESK },
      close: { from: ['verified'], to: 'closed', standing: 'owner', roles: DESK },
      record_recurrence: { from: ['closed'], standing: 'participant', roles: WORKERS },
      declare_security_incident: {
        from: [...OPEN_INC, 'resolved', 'verified', 'closed'],
        standing: 'participant',
        roles: WORKERS,
      },
    },
  },
  OPEN_INC,
);
