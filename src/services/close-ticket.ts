import { firstOpenItem, type ClosureItem } from '../domain/checklist.ts';
import { AppError } from '../domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { runTicketAction } from './ticket-action.ts';

export interface CloseInput {
  checklist: Partial<Record<ClosureItem, boolean>>;
  note?: string | undefined;
  version?: number | undefined;
}

/** INC-6: only the owning desk closes, and only with every checklist item confirmed. */
export function closeTicket(ctx: ServiceContext, idOrRef: string, input: CloseInput) {
  return runTicketAction(ctx, idOrRef, 'close', input.version, (_ticket, _tx, now) => {
    const open = firstOpenItem(input.checklist);
    if (open) throw new AppError('ticket.checklist_incomplete', `checklist.${open}`, { field: open });
    const checklist = { ...input.checklist } as Record<string, boolean>;
    return {
      patch: { checklist, closedAt: now },
      events: [{ event: { kind: 'closed', data: { checklist, ...(input.note ? { note: input.note } : {}) } } }],
    };
  });
}
