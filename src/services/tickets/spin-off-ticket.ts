import type { LinkKind } from '../../domain/ticket-types.ts';
import type { TicketAction } from '../../domain/lifecycle.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';
import { insertNewTicket, type NewTicketInput } from './create-ticket.ts';
import { linkNewTicket } from './link-new-ticket.ts';

/** What the person opening a ticket from another may say: a new title or description, else the source's. */
export interface SpinOffInput {
  title?: string | undefined;
  description?: string | undefined;
  version?: number | undefined;
}

/**
 * Runs `action` on a ticket to open a new one from it, in the action's transaction (TKT-3, INC-3):
 * the new ticket keeps the source's service, impact and criticality, and its title and description
 * unless the input gives others; `fields` gives its type, its sensitivity and what else it takes
 * from the source. It is linked to its source with `link` and named in the source's audit entry.
 */
export async function spinOffTicket(
  ctx: ServiceContext,
  idOrRef: string,
  action: TicketAction,
  input: SpinOffInput,
  link: LinkKind,
  fields: (source: TicketRow) => Pick<NewTicketInput, 'type' | 'sensitivity'> & Partial<NewTicketInput>,
): Promise<{ source: TicketRow; created: TicketRow }> {
  let created: TicketRow | undefined;
  const source = await runTicketAction(ctx, idOrRef, action, input.version, async (old, tx, now) => {
    created = await insertNewTicket(
      ctx,
      tx,
      {
        title: input.title ?? old.title,
        description: input.description ?? old.description,
        service: old.service,
        impact: old.impact,
        criticality: old.criticality,
        channel: ctx.channel ?? 'api',
        ...fields(old),
      },
      now,
    );
    return {
      events: [await linkNewTicket(ctx, tx, created, old, link, now)],
      audit: { created: created.ref },
    };
  });
  return { source, created: created! };
}
