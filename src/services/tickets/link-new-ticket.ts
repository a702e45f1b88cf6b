import type { LinkKind } from '../../domain/ticket-types.ts';
import type { Db } from '../../store/db.ts';
import { lockTicket, type TicketRow } from '../../store/ticket-reads.ts';
import { insertLink } from '../../store/ticket-writes.ts';
import { appendEvents } from '../write-path/record-events.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { authorOf } from '../write-path/ticket-action.ts';

/** Links a freshly created ticket to its source and notes the link on the new ticket's timeline. */
export async function linkNewTicket(
  ctx: ServiceContext,
  tx: Db,
  created: TicketRow,
  source: TicketRow,
  kind: LinkKind,
  now: Date,
) {
  await insertLink(tx, created.id, source.id, kind, now);
  await appendEvents(
    tx,
    created.id,
    authorOf(ctx),
    [
      {
        event: {
          kind: 'linked',
          data: { linkKind: kind, otherId: source.id, otherRef: source.ref, direction: 'from' },
        },
      },
    ],
    now,
  );
  return {
    event: {
      kind: 'linked' as const,
      data: { linkKind: kind, otherId: created.id, otherRef: created.ref, direction: 'to' as const },
    },
  };
}

/**
 * Links the ticket an action runs on (`from`, locked by the action) to another visible ticket,
 * noting the link on the other's timeline; returns the event for `from`'s own timeline.
 */
export async function linkToExisting(
  ctx: ServiceContext,
  tx: Db,
  from: TicketRow,
  to: TicketRow,
  kind: LinkKind,
  now: Date,
) {
  await lockTicket(tx, to.id);
  await insertLink(tx, from.id, to.id, kind, now);
  await appendEvents(
    tx,
    to.id,
    authorOf(ctx),
    [{ event: { kind: 'linked', data: { linkKind: kind, otherId: from.id, otherRef: from.ref, direction: 'to' } } }],
    now,
  );
  return {
    event: {
      kind: 'linked' as const,
      data: { linkKind: kind, otherId: to.id, otherRef: to.ref, direction: 'from' as const },
    },
  };
}
