import { and, eq } from 'drizzle-orm';
import { AppError } from '../domain/errors.ts';
import { findVisibleKnownError } from '../store/known-errors.ts';
import { ticketLinks } from '../store/schema.ts';
import type { ServiceContext } from './context.ts';
import { linkToExisting } from './link-new-ticket.ts';
import { loadVisibleTicket, runTicketAction, type ActionOutcome } from './ticket-action.ts';

export interface KnownErrorInput {
  knownError?: string | undefined;
  workaround?: string | undefined;
  /** A published known error (COL-3): its workaround is applied and the incident linked to its problem. */
  knownErrorId?: string | undefined;
  version?: number | undefined;
}

/** INC-2: the desk records the known error it matched and the workaround it applied. */
export function recordKnownError(ctx: ServiceContext, idOrRef: string, input: KnownErrorInput) {
  return runTicketAction(ctx, idOrRef, 'record_known_error', input.version, async (incident, tx, now): Promise<ActionOutcome> => {
    if (!input.knownErrorId) {
      if (!input.knownError) throw new AppError('validation.required', 'knownError', { field: 'knownError' });
      if (!input.workaround) throw new AppError('validation.required', 'workaround', { field: 'workaround' });
      return {
        patch: { knownError: input.knownError, workaround: input.workaround },
        events: [{ event: { kind: 'known_error_recorded', data: { knownError: input.knownError, workaround: input.workaround } } }],
      };
    }
    const known = await findVisibleKnownError(tx, ctx.actor, input.knownErrorId);
    if (!known) throw new AppError('known_error.not_found', 'knownErrorId');
    const knownError = `${known.problemRef}: ${known.title}`;
    const events: ActionOutcome['events'] = [{ event: { kind: 'known_error_recorded', data: { knownError, workaround: known.workaround } } }];
    // The incident counts towards its problem's frequency when the actor may work on that problem.
    const problem = await loadVisibleTicket(tx, ctx.actor, known.problemId).catch(() => null);
    const linked = problem && (await tx.select({ id: ticketLinks.id }).from(ticketLinks).where(and(eq(ticketLinks.fromId, problem.id), eq(ticketLinks.toId, incident.id))));
    if (problem && linked?.length === 0 && problem.status !== 'closed') {
      const event = await linkToExisting(ctx, tx, incident, problem, 'related', now);
      events.push(event);
    }
    return { patch: { knownError, workaround: known.workaround }, events, audit: { knownErrorId: known.id } };
  });
}
