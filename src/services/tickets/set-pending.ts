import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** Puts a ticket on hold while waiting on the requester, with the reason. */
export function pendTicket(
  ctx: ServiceContext,
  idOrRef: string,
  input: { reason: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'pend', input.version, () => ({ note: input.reason }));
}

/** Takes a pending ticket back into work. */
export function resumeTicket(ctx: ServiceContext, idOrRef: string, input: { version?: number | undefined }) {
  return runTicketAction(ctx, idOrRef, 'resume', input.version, () => ({}));
}
