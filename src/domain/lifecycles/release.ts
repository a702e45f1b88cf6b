import type { Lifecycle } from '../lifecycle.ts';
import { RELEASE_STAFF, withCommonActions } from './common.ts';

const BUILDING = ['planning', 'build_test', 'deployment_preparation'] as const;
const OPEN = [...BUILDING, 'approved', 'deployed', 'rolled_back'] as const;
const MANAGERS = ['release_manager', 'change_manager'] as const;

/**
 * REL-1 … REL-6: planning → build & test → deployment preparation → approved (each affected
 * party) → deployed → closed with the REL-6 checklist; a failed deployment is rolled back and
 * may restart at any earlier step (REL-5).
 */
export const RELEASE_LIFECYCLE: Lifecycle = withCommonActions(
  {
    initial: 'planning',
    states: [...OPEN, 'closed'],
    final: ['closed'],
    actions: {
      update: { from: BUILDING, standing: 'worker', roles: RELEASE_STAFF },
      add_change: { from: BUILDING, standing: 'worker', roles: RELEASE_STAFF },
      remove_change: { from: BUILDING, standing: 'worker', roles: RELEASE_STAFF },
      record_plan: { from: BUILDING, standing: 'worker', roles: RELEASE_STAFF },
      start_build: { from: ['planning'], to: 'build_test', standing: 'worker', roles: MANAGERS },
      // REL-3 results are final once deployment preparation starts: redoing tests means restarting from build & test.
      record_build_test: { from: ['build_test'], standing: 'worker', roles: RELEASE_STAFF },
      prepare_deployment: { from: ['build_test'], to: 'deployment_preparation', standing: 'worker', roles: MANAGERS },
      record_deployment: { from: ['deployment_preparation'], standing: 'worker', roles: RELEASE_STAFF },
      propose_window: { from: [...BUILDING, 'approved', 'rolled_back'], standing: 'participant', roles: MANAGERS },
      accept_window: { from: [...BUILDING, 'approved', 'rolled_back'], standing: 'window_partner', roles: MANAGERS },
      refuse_window: { from: [...BUILDING, 'approved', 'rolled_back'], standing: 'window_partner', roles: MANAGERS },
      // The last approval moves it to approved (decided by the use case).
      approve_deployment: { from: ['deployment_preparation'], standing: 'approver', roles: ['release_manager'] },
      deploy: { from: ['approved'], to: 'deployed', standing: 'worker', roles: MANAGERS },
      rollback: { from: ['deployed'], to: 'rolled_back', standing: 'worker', roles: MANAGERS },
      // Back to the step chosen (decided by the use case).
      restart: { from: ['rolled_back'], standing: 'worker', roles: MANAGERS },
      tick_checklist: { from: ['deployed'], standing: 'participant', roles: RELEASE_STAFF },
      close: { from: ['deployed'], to: 'closed', standing: 'owner', roles: MANAGERS },
    },
  },
  OPEN,
  RELEASE_STAFF,
);
