import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/identifiers.ts';
import {
  countVisibleTickets,
  listVisibleTickets,
  TOTAL_CAP,
  type Cursor,
  type TicketFilter,
} from '../../store/ticket-reads.ts';
import type { TicketSort as Sort } from '../../domain/ticket-types.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { slaOfTickets } from '../sla/ticket-sla.ts';
import { withFields } from '../../domain/with-fields.ts';

export interface ListInput extends TicketFilter {
  sort: Sort;
  limit: number;
  cursor?: string | undefined;
}

/** A cursor as this service issues it: the sort key's value and the ticket id. */
const CursorSchema = z.object({ v: z.string(), id: z.string().refine(isUuid) });

function decodeCursor(raw: string, sort: Sort): Cursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  // A cursor is only ever one we issued; anything else (forged id, bad date) is refused here, not by SQL.
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) throw new AppError('validation.invalid', 'cursor', { field: 'cursor', detail: 'cursor' });
  const value: Cursor = parsed.data;
  // A priority cursor only continues a priority sort, a date cursor only a date sort.
  const byPriority = sort.replace('-', '') === 'priority';
  const fits = byPriority
    ? /^P[1-5]$/.test(value.v)
    : (sort === 'slaDueAt' && value.v === '') ||
      (/^\d{4}-\d{2}-\d{2}T/.test(value.v) && !Number.isNaN(Date.parse(value.v)));
  if (!fits) throw new AppError('validation.invalid', 'cursor', { field: 'cursor', detail: 'cursor_sort' });
  return value;
}

/** One page of the actor's visible tickets, the cursor of the next page and the total. */
export async function listTickets(ctx: ServiceContext, input: ListInput) {
  const { assignee } = input;
  const filter: TicketFilter = {
    ...input,
    assignee: assignee === 'me' ? ctx.actor.id : assignee === 'mine' ? undefined : assignee,
    mine: assignee === 'mine' ? ctx.actor.id : undefined,
  };
  const cursor = input.cursor ? decodeCursor(input.cursor, input.sort) : undefined;
  const page = await listVisibleTickets(ctx.db, ctx.actor, filter, input.sort, input.limit, cursor);
  // A first page that is not full is the whole answer: no need to count.
  const total = !cursor && !page.next ? page.rows.length : await countVisibleTickets(ctx.db, ctx.actor, filter);
  const nextCursor = page.next ? Buffer.from(JSON.stringify(page.next)).toString('base64url') : null;
  const sla = await slaOfTickets(
    ctx.db,
    page.rows.map((r) => r.ticket),
  );
  return {
    // Each row as read, its SLA state added in place (domain/with-fields.ts).
    rows: page.rows.map((r) => withFields(r, { sla: sla.get(r.ticket.id) ?? null })),
    nextCursor,
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
  };
}
