import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** INC-5: the registering desk confirms with the reporter that the resolution holds. */
export function verifyIncident(
  ctx: ServiceContext,
  idOrRef: string,
  input: { note?: string | undefined; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'verify', input.version, () => ({
    events: [{ event: { kind: 'verified', data: input.note ? { note: input.note } : {} } }],
  }));
}

/** The reporter says it is not fixed: the incident goes back into work at the owning desk. */
export function rejectResolution(
  ctx: ServiceContext,
  idOrRef: string,
  input: { reason: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'reject_resolution', input.version, () => ({
    note: input.reason,
    patch: { resolvedAt: null },
  }));
}
