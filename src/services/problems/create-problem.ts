import { assertMayRecord } from '../../policies/recording.ts';
import { AppError } from '../../domain/errors.ts';
import { criticalityForFrequency } from '../../domain/processes.ts';
import { maxSensitivity, type Sensitivity } from '../../domain/sensitivity.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { appendEvents } from '../write-path/record-events.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { insertNewTicket, type TicketFieldsInput } from '../tickets/create-ticket.ts';
import { linkToExisting } from '../tickets/link-new-ticket.ts';
import { authorOf, loadVisibleTicket } from '../write-path/ticket-action.ts';

export interface CreateProblemInput extends Omit<TicketFieldsInput, 'criticality'> {
  incidents?: string[] | undefined;
}

/**
 * PRB-1: a problem opened from incidents (linked, their parties joining it, classified at
 * least as high as they are) or proactively; its priority follows impact and frequency.
 */
export async function createProblem(ctx: ServiceContext, input: CreateProblemInput): Promise<TicketRow> {
  assertMayRecord(ctx.actor, 'problem', input.sensitivity ?? 'LIMITED');
  const refs = [...new Set(input.incidents ?? [])];
  return ctx.db.transaction(async (tx) => {
    const now = nowOf(ctx);
    const incidents: TicketRow[] = [];
    for (const [index, ref] of refs.entries()) {
      const incident = await loadVisibleTicket(tx, ctx.actor, ref).catch(() => null);
      if (!incident) throw new AppError('ticket.not_found', `incidents.${index}`);
      if (incident.type !== 'incident')
        throw new AppError('validation.invalid', `incidents.${index}`, {
          field: `incidents.${index}`,
          detail: 'not_an_incident',
        });
      incidents.push(incident);
    }
    const sensitivity = incidents.reduce<Sensitivity>(
      (acc, i) => maxSensitivity(acc, i.sensitivity),
      input.sensitivity ?? 'LIMITED',
    );
    assertMayRecord(ctx.actor, 'problem', sensitivity);
    const problem = await insertNewTicket(
      ctx,
      tx,
      {
        type: 'problem',
        title: input.title,
        description: input.description,
        service: input.service,
        impact: input.impact,
        criticality: criticalityForFrequency(incidents.length),
        sensitivity,
        channel: input.channel ?? ctx.channel ?? 'api',
        participants: incidents.flatMap((i) => i.participants),
        details: { frequency: incidents.length },
      },
      now,
    );
    const links = [];
    for (const incident of incidents) links.push(await linkToExisting(ctx, tx, problem, incident, 'problem_of', now));
    await appendEvents(tx, problem.id, authorOf(ctx), links, now);
    return problem;
  });
}
