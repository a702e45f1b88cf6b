import { inArray } from 'drizzle-orm';
import type { ChangeDetails } from '../../domain/processes.ts';
import type { Db } from '../../store/db.ts';
import { tickets } from '../../store/schema/index.ts';
import { lockTicket, type TicketRow } from '../../store/ticket-reads.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { applyTicketChange } from '../write-path/record-events.ts';
import { authorOf } from '../write-path/ticket-action.ts';

/** The changes bundled in a release, locked, in the order they were added. */
export async function lockReleaseChanges(tx: Db, release: TicketRow): Promise<TicketRow[]> {
  const ids = detailsOf(release, 'release').changeIds ?? [];
  if (ids.length === 0) return [];
  await tx.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ids)).orderBy(tickets.id).for('update');
  // In sequence: one transaction is one client, which runs one query at a time.
  const locked: TicketRow[] = [];
  for (const id of ids) locked.push(await lockTicket(tx, id));
  return locked;
}

/** The parties affected by a set of changes (their assessments, else their participants). */
export function affectedBy(changes: readonly TicketRow[], owner: string): string[] {
  const parties = changes.flatMap((c) => detailsOf(c, 'change').assessment?.affectedParties ?? c.participants);
  return [...new Set([owner, ...parties])];
}

/**
 * Moves a change along because of its release (CHG-4: a change is implemented only through a
 * release), with the state change and its reason on the change's own timeline.
 */
export async function moveChange(
  ctx: ServiceContext,
  tx: Db,
  change: TicketRow,
  to: string,
  action: string,
  changes: Partial<ChangeDetails>,
  event: PendingEvent,
  now: Date,
) {
  const events: PendingEvent[] = [event];
  if (change.status !== to)
    events.unshift({ event: { kind: 'status_changed', data: { from: change.status, to, action } } });
  await applyTicketChange(
    tx,
    change,
    { status: to, ...withDetails(change, 'change', changes) },
    authorOf(ctx),
    events,
    now,
    ctx.mail ?? false,
  );
}
