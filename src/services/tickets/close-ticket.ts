import { firstOpenItem, partiesInformedAtClosure, type ClosureItem } from '../../domain/checklist.ts';
import { AppError } from '../../domain/errors.ts';
import { firstOpenReleaseItem } from '../../domain/processes.ts';

import type { Db } from '../../store/db.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, joined, withDetails } from '../write-path/details.ts';
import { listParties } from '../../store/directory.ts';
import { closeProblem } from '../problems/close-problem.ts';
import { forgetAllowlists } from '../access/allowlist-cache.ts';
import { isAllowlistRequest, withAllowlistChange } from '../access/apply-allowlist-change.ts';
import { runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';

export interface CloseInput {
  checklist?: Partial<Record<ClosureItem, boolean>> | undefined;
  requesterAccepted?: boolean | undefined;
  note?: string | undefined;
  version?: number | undefined;
}

const noteOf = (input: CloseInput) => (input.note ? { note: input.note } : {});

/** INC-6: every checklist item confirmed; the closure is communicated to the other party. */
async function closeIncident(incident: TicketRow, tx: Db, input: CloseInput): Promise<ActionOutcome> {
  const open = firstOpenItem(input.checklist ?? {});
  if (open) throw new AppError('ticket.checklist_incomplete', `checklist.${open}`, { field: open });
  const checklist: Record<string, boolean> = { ...input.checklist };
  const linkParties = (await listParties(tx)).map((p) => p.id);
  const informed = partiesInformedAtClosure(incident.type, incident.ownerParty, linkParties);
  return {
    patch: { checklist, participants: joined(incident, informed) },
    events: [{ event: { kind: 'closed', data: { checklist, ...noteOf(input) } } }],
  };
}

/**
 * REQ-4: closed when the requester considers it settled. REQ-2: a refused request is closed by
 * its owning desk with the refusal reason (the resolution the refusal recorded).
 */
function closeRequest(request: TicketRow, input: CloseInput): ActionOutcome {
  if (request.status === 'refused') {
    const note = input.note ?? request.resolution ?? undefined;
    return { note, events: [{ event: { kind: 'closed', data: { checklist: {}, ...(note ? { note } : {}) } } }] };
  }
  if (input.requesterAccepted !== true)
    throw new AppError('validation.required', 'requesterAccepted', { field: 'requesterAccepted' });
  return {
    patch: withDetails(request, 'request', { requesterAccepted: true }),
    events: [
      { event: { kind: 'request_accepted', data: noteOf(input) } },
      { event: { kind: 'closed', data: { checklist: {}, ...noteOf(input) } } },
    ],
  };
}

/** REL-6: closure refused while one item of the checklist is open. */
function closeRelease(release: TicketRow, input: CloseInput): ActionOutcome {
  const open = firstOpenReleaseItem(detailsOf(release, 'release').checklist ?? {});
  if (open) throw new AppError('release.checklist_incomplete', `checklist.${open}`, { field: open });
  return { events: [{ event: { kind: 'closed', data: { checklist: {}, ...noteOf(input) } } }] };
}

/** SEC-5/6: closed once the final report is issued and every follow-up action is done. */
function closeSecurity(incident: TicketRow, input: CloseInput): ActionOutcome {
  const details = detailsOf(incident, 'security');
  if (!details.reports?.final) throw new AppError('validation.required', 'finalReport', { field: 'finalReport' });
  const open = (details.followUps ?? []).findIndex((f) => !f.done);
  if (open >= 0) throw new AppError('ticket.checklist_incomplete', `followUps.${open}`, { field: `followUps.${open}` });
  return { events: [{ event: { kind: 'closed', data: { checklist: {}, ...noteOf(input) } } }] };
}

function closerOf(
  ctx: ServiceContext,
  ticket: TicketRow,
  tx: Db,
  now: Date,
  input: CloseInput,
): ActionOutcome | Promise<ActionOutcome> {
  switch (ticket.type) {
    case 'security':
      return closeSecurity(ticket, input);
    case 'problem':
      return closeProblem(ticket, tx, input.note);
    case 'request':
      // ISM-8: an IP allow-list change is applied in the closing transaction.
      return withAllowlistChange(ctx, ticket, tx, now, closeRequest(ticket, input));
    case 'release':
      return closeRelease(ticket, input);
    case 'change':
      return { events: [{ event: { kind: 'closed', data: { checklist: {}, ...noteOf(input) } } }] };
    default:
      return closeIncident(ticket, tx, input);
  }
}

/** Closure by the owning desk only, with the conditions of the ticket's process. */
export async function closeTicket(ctx: ServiceContext, idOrRef: string, input: CloseInput) {
  const closed = await runTicketAction(ctx, idOrRef, 'close', input.version, (ticket, tx, now) =>
    closerOf(ctx, ticket, tx, now, input),
  );
  if (isAllowlistRequest(closed)) forgetAllowlists(ctx.db);
  return closed;
}
