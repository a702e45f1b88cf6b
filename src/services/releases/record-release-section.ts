import { awaitApprovals } from '../../domain/approvals.ts';
import type { ReleaseBuildTest, ReleaseDeployment, ReleasePlan } from '../../domain/processes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';

type Versioned<T> = T & { version?: number | undefined };

/** REL-1: the release plan, recorded as a whole and kept on the timeline. */
export function recordReleasePlan(ctx: ServiceContext, idOrRef: string, input: Versioned<ReleasePlan>) {
  const { version, ...plan } = input;
  return runTicketAction(ctx, idOrRef, 'record_plan', version, (release): ActionOutcome => ({
    patch: withDetails(release, 'release', { plan }),
    events: [{ event: { kind: 'release_recorded', data: { section: 'plan', values: plan } } }],
  }));
}

/** REL-3: the build and test plan with its test cases. */
export function recordReleaseBuildTest(ctx: ServiceContext, idOrRef: string, input: Versioned<ReleaseBuildTest>) {
  const { version, ...buildTest } = input;
  return runTicketAction(ctx, idOrRef, 'record_build_test', version, (release): ActionOutcome => ({
    patch: withDetails(release, 'release', { buildTest }),
    events: [{ event: { kind: 'release_recorded', data: { section: 'build_test', values: buildTest } } }],
  }));
}

/**
 * REL-4: the deployment preparation. Recording it asks each affected party for its approval,
 * and any later change to it asks again.
 */
export function recordReleaseDeployment(ctx: ServiceContext, idOrRef: string, input: Versioned<ReleaseDeployment>) {
  const { version, ...deployment } = input;
  return runTicketAction(ctx, idOrRef, 'record_deployment', version, (release): ActionOutcome => {
    const parties = detailsOf(release, 'release').affectedParties;
    return {
      patch: withDetails(release, 'release', { deployment, approvals: awaitApprovals(parties) }),
      events: [
        { event: { kind: 'release_recorded', data: { section: 'deployment', values: deployment } } },
        { event: { kind: 'approval_requested', data: { gate: 'approver', parties, roles: ['release_manager'] } } },
      ],
    };
  });
}
