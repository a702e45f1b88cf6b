import type { Lifecycle } from '../lifecycle.ts';
import type { Role } from '../roles.ts';
import { withCommonActions } from './common.ts';

const OPEN = ['recorded', 'characterised', 'analysed', 'contained', 'recovered', 'reported'] as const;
const OFFICER: readonly Role[] = ['security_officer'];
/** Who works on a security incident; the team restriction (SEC-2) narrows it to the IMT and level 3. */
const TEAM: readonly Role[] = ['security_officer', 'imt_member', 'agent', 'resolver'];

/**
 * SEC-1 … SEC-6: recorded → characterised (taxonomy, severity) → analysed (C/I/A per asset) →
 * contained → recovered (link reconnected) → reported (response report) → closed (final report,
 * follow-ups done). The security officer forms the incident management team; regulatory
 * notifications and follow-ups are recorded at any open step.
 */
export const SECURITY_LIFECYCLE: Lifecycle = withCommonActions(
  {
    initial: 'recorded',
    states: [...OPEN, 'closed'],
    final: ['closed'],
    actions: {
      form_team: { from: OPEN, standing: 'participant', roles: OFFICER },
      characterise: { from: ['recorded', 'characterised'], to: 'characterised', standing: 'participant', roles: TEAM },
      record_analysis: { from: ['characterised', 'analysed'], to: 'analysed', standing: 'participant', roles: TEAM },
      contain: { from: ['analysed'], to: 'contained', standing: 'participant', roles: TEAM },
      recover: { from: ['contained'], to: 'recovered', standing: 'participant', roles: TEAM },
      issue_response_report: { from: ['recovered'], to: 'reported', standing: 'owner', roles: OFFICER },
      issue_final_report: { from: ['reported'], standing: 'owner', roles: OFFICER },
      record_indicator: { from: OPEN, standing: 'participant', roles: TEAM },
      add_follow_up: { from: OPEN, standing: 'participant', roles: TEAM },
      complete_follow_up: { from: OPEN, standing: 'participant', roles: TEAM },
      notify_authority: { from: OPEN, standing: 'participant', roles: OFFICER },
      close: { from: ['reported'], to: 'closed', standing: 'owner', roles: OFFICER },
    },
  },
  OPEN,
  TEAM,
);
