import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** PRB-2: the resolver's findings, kept for reuse. */
export function recordRootCause(
  ctx: ServiceContext,
  idOrRef: string,
  input: { rootCause: string; workaround?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'record_root_cause', input.version, (problem) => ({
    patch: {
      ...withDetails(problem, 'problem', { rootCause: input.rootCause }),
      ...(input.workaround ? { workaround: input.workaround } : {}),
    },
    events: [
      {
        event: {
          kind: 'root_cause_recorded',
          data: { rootCause: input.rootCause, ...(input.workaround ? { workaround: input.workaround } : {}) },
        },
      },
    ],
  }));
}
