import { awaitApprovals } from '../../domain/approvals.ts';
import type { ReleaseDetails } from '../../domain/processes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';

type Section = 'plan' | 'buildTest' | 'deployment';
const ACTION = { plan: 'record_plan', buildTest: 'record_build_test', deployment: 'record_deployment' } as const;
const EVENT_SECTION = { plan: 'plan', buildTest: 'build_test', deployment: 'deployment' } as const;

/**
 * REL-1 plan, REL-3 build & test, REL-4 deployment preparation: each recorded as a whole and
 * kept on the timeline. Recording the deployment asks each affected party for its approval
 * (REL-4), and any later change to it asks again.
 */
export function recordReleaseSection(
  ctx: ServiceContext,
  idOrRef: string,
  section: Section,
  input: Record<string, unknown> & { version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, ACTION[section], input.version, (release): ActionOutcome => {
    const { version: _version, ...values } = input;
    const event = { event: { kind: 'release_recorded' as const, data: { section: EVENT_SECTION[section], values } } };
    if (section !== 'deployment')
      return { patch: withDetails<ReleaseDetails>(release, { [section]: values }), events: [event] };
    const parties = detailsOf<ReleaseDetails>(release).affectedParties;
    return {
      patch: withDetails<ReleaseDetails>(release, {
        deployment: values as Record<string, string>,
        approvals: awaitApprovals(parties),
      }),
      events: [
        event,
        { event: { kind: 'approval_requested', data: { gate: 'approver', parties, roles: ['release_manager'] } } },
      ],
    };
  });
}
