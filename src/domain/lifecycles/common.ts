import type { Lifecycle } from '../lifecycle.ts';
import type { Role } from '../roles.ts';

export const DESK: readonly Role[] = ['agent'];
export const WORKERS: readonly Role[] = ['agent', 'resolver'];
export const CHANGE_STAFF: readonly Role[] = ['agent', 'resolver', 'change_manager'];
export const RELEASE_STAFF: readonly Role[] = ['agent', 'release_manager', 'change_manager'];

/**
 * Adds what every process shares while a ticket is open, unless the lifecycle declares its own
 * rule: field updates, comments, assignment inside the holding party, desk-to-desk transfer,
 * escalation, and PARTY-4 disagreements (recorded by a desk of either party, decided one level up).
 */
export function withCommonActions(
  lifecycle: Lifecycle,
  open: readonly string[],
  staff: readonly Role[] = WORKERS,
): Lifecycle {
  const common: Lifecycle['actions'] = {
    update: { from: open, standing: 'worker', roles: staff },
    comment: { from: open, standing: 'participant', roles: staff },
    assign: { from: open, standing: 'holder', roles: staff },
    transfer: { from: open, standing: 'holder', roles: DESK },
    escalate: { from: open, standing: 'holder', roles: staff },
    record_disagreement: { from: open, standing: 'participant', roles: DESK },
    decide_disagreement: { from: open, standing: 'participant', roles: ['level_manager'] },
  };
  return { ...lifecycle, actions: { ...common, ...lifecycle.actions } };
}
