import type { LinkKind } from '../domain/ticket-types.ts';
import type { Db } from '../store/db.ts';
import type { TicketRow } from '../store/ticket-reads.ts';
import { appendEvents, insertLink } from '../store/ticket-writes.ts';
import type { ServiceContext } from './context.ts';
import { authorOf } from './ticket-action.ts';

/** Links a freshly created ticket to its source and notes the link on the new ticket's timeline. */
export async function linkNewTicket(ctx: ServiceContext, tx: Db, created: TicketRow, source: TicketRow, kind: LinkKind, now: Date) {
  await insertLink(tx, created.id, source.id, kind, now);
  await appendEvents(tx, created.id, authorOf(ctx), [{ event: { kind: 'linked', data: { linkKind: kind, otherId: source.id, otherRef: source.ref, direction: 'from' } } }], now);
  return { event: { kind: 'linked' as const, data: { linkKind: kind, otherId: created.id, otherRef: created.ref, direction: 'to' as const } } };
}
