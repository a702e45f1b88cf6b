import { firstOpenItem, type ClosureItem } from '../domain/checklist.ts';
import { AppError } from '../domain/errors.ts';
import { firstOpenReleaseItem, type ReleaseDetails, type RequestDetails } from '../domain/processes.ts';
import type { Db } from '../store/db.ts';
import type { TicketRow } from '../store/ticket-reads.ts';
import type { ServiceContext } from './context.ts';
import { detailsOf, withDetails } from './details.ts';
import { closeProblem } from './problems/close-problem.ts';
import { runTicketAction, type ActionOutcome } from './ticket-action.ts';

export interface CloseInput {
  checklist?: Partial<Record<ClosureItem, boolean>> | undefined;
  requesterAccepted?: boolean | undefined;
  note?: string | undefined;
  version?: number | undefined;
}

const noteOf = (input: CloseInput) => (input.note ? { note: input.note } : {});

/** INC-6: every checklist item confirmed. */
function closeIncident(input: CloseInput): ActionOutcome {
  const open = firstOpenItem(input.checklist ?? {});
  if (open) throw new AppError('ticket.checklist_incomplete', `checklist.${open}`, { field: open });
  const checklist = { ...input.checklist } as Record<string, boolean>;
  return { patch: { checklist }, events: [{ event: { kind: 'closed', data: { checklist, ...noteOf(input) } } }] };
}

/** REQ-4: closed when the requester considers it settled. */
function closeRequest(request: TicketRow, input: CloseInput): ActionOutcome {
  if (input.requesterAccepted !== true) throw new AppError('validation.required', 'requesterAccepted', { field: 'requesterAccepted' });
  return {
    patch: withDetails<RequestDetails>(request, { requesterAccepted: true }),
    events: [{ event: { kind: 'request_accepted', data: noteOf(input) } }, { event: { kind: 'closed', data: { checklist: {}, ...noteOf(input) } } }],
  };
}

/** REL-6: closure refused while one item of the checklist is open. */
function closeRelease(release: TicketRow, input: CloseInput): ActionOutcome {
  const open = firstOpenReleaseItem(detailsOf<ReleaseDetails>(release).checklist ?? {});
  if (open) throw new AppError('release.checklist_incomplete', `checklist.${open}`, { field: open });
  return { events: [{ event: { kind: 'closed', data: { checklist: {}, ...noteOf(input) } } }] };
}

function closerOf(ticket: TicketRow, tx: Db, input: CloseInput): ActionOutcome | Promise<ActionOutcome> {
  switch (ticket.type) {
    case 'problem':
      return closeProblem(ticket, tx, input.note);
    case 'request':
      return closeRequest(ticket, input);
    case 'release':
      return closeRelease(ticket, input);
    case 'change':
      return { events: [{ event: { kind: 'closed', data: { checklist: {}, ...noteOf(input) } } }] };
    default:
      return closeIncident(input);
  }
}

/** Closure by the owning desk only, with the conditions of the ticket's process. */
export function closeTicket(ctx: ServiceContext, idOrRef: string, input: CloseInput) {
  return runTicketAction(ctx, idOrRef, 'close', input.version, (ticket, tx) => closerOf(ticket, tx, input));
}
