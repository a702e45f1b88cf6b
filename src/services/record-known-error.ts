import type { ServiceContext } from './context.ts';
import { runTicketAction } from './ticket-action.ts';

export interface KnownErrorInput {
  knownError: string;
  workaround: string;
  version?: number | undefined;
}

/** INC-2: the desk records the known error it matched and the workaround it applied. */
export function recordKnownError(ctx: ServiceContext, idOrRef: string, input: KnownErrorInput) {
  return runTicketAction(ctx, idOrRef, 'record_known_error', input.version, () => ({
    patch: { knownError: input.knownError, workaround: input.workaround },
    events: [{ event: { kind: 'known_error_recorded', data: { knownError: input.knownError, workaround: input.workaround } } }],
  }));
}
