import { and, eq, or } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { findVisibleKnownError } from '../../store/known-errors.ts';
import { maxSensitivity } from '../../domain/sensitivity.ts';
import { audienceWithin } from '../../policies/ticket-visibility.ts';
import { ticketLinks, tickets } from '../../store/schema/index.ts';
import { lockTicket, type TicketRow } from '../../store/ticket-reads.ts';
import { insertLink, type PendingEvent } from '../../store/ticket-writes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { incidentCount, reassessFrequency } from './frequency.ts';
import { applyTicketChange } from '../write-path/record-events.ts';
import { authorOf, loadVisibleTicket, runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';

export interface KnownErrorInput {
  knownError?: string | undefined;
  workaround?: string | undefined;
  /** A published known error (COL-3): its workaround is applied and the incident counted on its problem. */
  knownErrorId?: string | undefined;
  version?: number | undefined;
}

/** PRB-1: the incident now counts towards the problem's frequency (once), on both timelines. */
async function countOnProblem(
  ctx: ServiceContext,
  tx: ServiceContext['db'],
  incident: TicketRow,
  problemId: string,
  now: Date,
): Promise<PendingEvent[]> {
  const problem = await loadVisibleTicket(tx, ctx.actor, problemId).catch(() => null);
  if (!problem || problem.status === 'closed') return [];
  const pair = or(
    and(eq(ticketLinks.fromId, problem.id), eq(ticketLinks.toId, incident.id)),
    and(eq(ticketLinks.fromId, incident.id), eq(ticketLinks.toId, problem.id)),
  );
  if ((await tx.select({ id: ticketLinks.id }).from(ticketLinks).where(pair)).length > 0) return [];
  const locked = await lockTicket(tx, problem.id);
  await insertLink(tx, problem.id, incident.id, 'problem_of', now);
  const reassessed = await reassessFrequency(tx, locked, await incidentCount(tx, problem.id));
  // TKT-3: a problem is classified at least as high as each of its incidents.
  const level = maxSensitivity(locked.sensitivity, incident.sensitivity);
  const raised: PendingEvent[] =
    level === locked.sensitivity
      ? []
      : [{ event: { kind: 'sensitivity_changed', data: { from: locked.sensitivity, to: level } } }];
  const linked: PendingEvent = {
    event: {
      kind: 'linked',
      data: { linkKind: 'problem_of', otherId: incident.id, otherRef: incident.ref, direction: 'from' },
    },
  };
  await applyTicketChange(
    tx,
    locked,
    { ...reassessed.patch, sensitivity: level },
    authorOf(ctx),
    [linked, reassessed.event, ...raised],
    now,
    ctx.mail ?? false,
  );
  return [
    {
      event: {
        kind: 'linked',
        data: { linkKind: 'problem_of', otherId: problem.id, otherRef: problem.ref, direction: 'to' },
      },
    },
  ];
}

/** INC-2: the desk records the known error it matched and the workaround it applied. */
export function recordKnownError(ctx: ServiceContext, idOrRef: string, input: KnownErrorInput) {
  return runTicketAction(
    ctx,
    idOrRef,
    'record_known_error',
    input.version,
    async (incident, tx, now): Promise<ActionOutcome> => {
      if (!input.knownErrorId) {
        if (!input.knownError) throw new AppError('validation.required', 'knownError', { field: 'knownError' });
        if (!input.workaround) throw new AppError('validation.required', 'workaround', { field: 'workaround' });
        return {
          patch: { knownError: input.knownError, workaround: input.workaround },
          events: [
            {
              event: {
                kind: 'known_error_recorded',
                data: { knownError: input.knownError, workaround: input.workaround },
              },
            },
          ],
        };
      }
      const known = await findVisibleKnownError(tx, ctx.actor, input.knownErrorId);
      if (!known) throw new AppError('known_error.not_found', 'knownErrorId');
      // COL-3 / ISM-4: the cause and workaround are copied into the incident, so everyone who reads the
      // incident must be allowed to read the known error: its problem has every party of the incident,
      // is classified no higher (nor is the known error itself), and has no team the incident's readers are not on.
      const [problem] = await tx
        .select({ participants: tickets.participants, sensitivity: tickets.sensitivity, team: tickets.team })
        .from(tickets)
        .where(eq(tickets.id, known.problemId));
      const source = problem && {
        ...problem,
        sensitivity: maxSensitivity(problem.sensitivity, known.sensitivity),
      };
      if (!source || !audienceWithin(source, incident))
        throw new AppError('known_error.wider_audience', 'knownErrorId');
      // The incident may be shared with parties not on the problem: it carries the cause and workaround applied, not the problem's name.
      const events: PendingEvent[] = [
        { event: { kind: 'known_error_recorded', data: { knownError: known.cause, workaround: known.workaround } } },
      ];
      events.push(...(await countOnProblem(ctx, tx, incident, known.problemId, now)));
      return {
        patch: { knownError: known.cause, workaround: known.workaround },
        events,
        audit: { knownErrorId: known.id },
      };
    },
  );
}
