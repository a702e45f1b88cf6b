import { and, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { maxSensitivity } from '../../domain/sensitivity.ts';
import { ticketLinks } from '../../store/schema/index.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { joined } from '../write-path/details.ts';
import { linkToExisting } from '../tickets/link-new-ticket.ts';
import { loadVisibleTicket, runTicketAction } from '../write-path/ticket-action.ts';
import { incidentCount, reassessFrequency } from './frequency.ts';

/** PRB-1: one more incident explained by this problem; its frequency and priority follow. */
export function linkIncident(
  ctx: ServiceContext,
  idOrRef: string,
  input: { incident: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'link_incident', input.version, async (problem, tx, now) => {
    const incident = await loadVisibleTicket(tx, ctx.actor, input.incident).catch(() => {
      throw new AppError('ticket.not_found', 'incident');
    });
    if (incident.type !== 'incident')
      throw new AppError('validation.invalid', 'incident', { field: 'incident', detail: 'not_an_incident' });
    const existing = await tx
      .select({ id: ticketLinks.id })
      .from(ticketLinks)
      .where(and(eq(ticketLinks.fromId, problem.id), eq(ticketLinks.toId, incident.id)));
    if (existing.length > 0)
      throw new AppError('validation.invalid', 'incident', { field: 'incident', detail: 'already_linked' });
    const linked = await linkToExisting(ctx, tx, problem, incident, 'problem_of', now);
    const reassessed = await reassessFrequency(tx, problem, await incidentCount(tx, problem.id));
    const sensitivity = maxSensitivity(problem.sensitivity, incident.sensitivity);
    return {
      patch: { ...reassessed.patch, sensitivity, participants: joined(problem, incident.participants) },
      events: [
        linked,
        reassessed.event,
        ...(sensitivity !== problem.sensitivity
          ? [
              {
                event: {
                  kind: 'sensitivity_changed' as const,
                  data: { from: problem.sensitivity, to: sensitivity },
                },
              },
            ]
          : []),
      ],
      audit: { incident: incident.ref },
    };
  });
}
