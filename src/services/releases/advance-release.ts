import { AppError } from '../../domain/errors.ts';

import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** REL-1 → REL-3: building starts once the plan is recorded and at least one change is bundled. */
export function startBuild(ctx: ServiceContext, idOrRef: string, input: { version?: number | undefined }) {
  return runTicketAction(ctx, idOrRef, 'start_build', input.version, (release) => {
    const details = detailsOf(release, 'release');
    if (!details.plan) throw new AppError('release.incomplete', 'plan', { field: 'plan' });
    if ((details.changeIds ?? []).length === 0)
      throw new AppError('release.incomplete', 'changes', { field: 'changes' });
    return {};
  });
}

/** REL-3 → REL-4: deployment is prepared only once every standard test case has passed. */
export function prepareDeployment(ctx: ServiceContext, idOrRef: string, input: { version?: number | undefined }) {
  return runTicketAction(ctx, idOrRef, 'prepare_deployment', input.version, (release) => {
    const cases = detailsOf(release, 'release').buildTest?.testCases ?? [];
    if (cases.length === 0) throw new AppError('release.incomplete', 'testCases', { field: 'testCases' });
    const failing = cases.findIndex((c) => c.result !== 'passed');
    if (failing >= 0)
      throw new AppError('release.incomplete', `testCases.${failing}`, { field: `testCases.${failing}` });
    return {};
  });
}
