import { and, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';

import { maxSensitivity } from '../../domain/sensitivity.ts';
import type { Db } from '../../store/db.ts';
import { ticketLinks, tickets } from '../../store/schema/index.ts';
import { lockTicket, type TicketRow } from '../../store/ticket-reads.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';
import { appendEvents } from '../write-path/record-events.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, joined, withDetails } from '../write-path/details.ts';
import { linkToExisting } from '../tickets/link-new-ticket.ts';
import { authorOf, loadVisibleTicket, runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';
import { detachWindow } from './joint-window.ts';
import { affectedBy, lockReleaseChanges } from './release-changes.ts';

const sameParties = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((p) => b.includes(p));

/** The release's joint window stays while its parties are the same; otherwise it is detached (agreed again). */
const windowFor = async (tx: Db, release: TicketRow, affected: readonly string[], now: Date) =>
  sameParties(detailsOf(release, 'release').affectedParties, affected) ? {} : await detachWindow(tx, release, now);

/** What the actions putting a change in a release, or taking it out, are given. */
interface ChangeInput {
  change: string;
  version?: number | undefined;
}

/** An action of a release about one of its changes, decided by `step` within the release's action. */
const changeAction =
  (
    action: 'add_change' | 'remove_change',
    step: (ctx: ServiceContext, release: TicketRow, tx: Db, now: Date, change: string) => Promise<ActionOutcome>,
  ) =>
  (ctx: ServiceContext, idOrRef: string, input: ChangeInput) =>
    runTicketAction(ctx, idOrRef, action, input.version, (release, tx, now) =>
      step(ctx, release, tx, now, input.change),
    );

/**
 * REL-1: bundles an approved change into a release (CHG-4). Refused for a change that is not
 * approved or already in another release. The release joins the change's parties and is
 * classified at least as high; pending deployment approvals start again.
 */
export async function bundleChange(
  ctx: ServiceContext,
  tx: Db,
  release: TicketRow,
  ref: string,
  field: string,
  now: Date,
): Promise<{ release: TicketRow; events: PendingEvent[] }> {
  const visible = await loadVisibleTicket(tx, ctx.actor, ref).catch(() => {
    throw new AppError('ticket.not_found', field);
  });
  if (visible.type !== 'change')
    throw new AppError('validation.invalid', field, { field, detail: 'one_of', values: 'change' });
  const change = await lockTicket(tx, visible.id);
  const changeDetails = detailsOf(change, 'change');
  if (changeDetails.releaseId === release.id)
    throw new AppError('validation.invalid', field, { field, detail: 'already_linked' });
  // The other release is not named: the actor may not be allowed to see it.
  if (changeDetails.releaseId) throw new AppError('change.in_other_release', field, { ref: change.ref });
  if (change.status !== 'approved') throw new AppError('change.not_approved', field, { ref: change.ref });
  const linked = await linkToExisting(ctx, tx, release, change, 'implements', now);
  await tx
    .update(tickets)
    .set(withDetails(change, 'change', { releaseId: release.id }))
    .where(eq(tickets.id, change.id));
  const details = detailsOf(release, 'release');
  const changeIds = [...(details.changeIds ?? []), change.id];
  const affected = affectedBy([...(await lockReleaseChanges(tx, release)), change], release.ownerParty);
  const sensitivity = maxSensitivity(release.sensitivity, change.sensitivity);
  const events: PendingEvent[] = [
    linked,
    { event: { kind: 'release_changes', data: { change: 'added', changeId: change.id, changeRef: change.ref } } },
  ];
  // The reason does not name the change: not everyone who sees the release may see it.
  if (sensitivity !== release.sensitivity)
    events.push({
      event: { kind: 'sensitivity_changed', data: { from: release.sensitivity, to: sensitivity } },
    });
  const window = await windowFor(tx, release, affected, now);
  const updated: TicketRow = {
    ...release,
    sensitivity,
    participants: joined(release, affected),
    ...withDetails(release, 'release', { changeIds, affectedParties: affected, approvals: [], ...window }),
  };
  return { release: updated, events };
}

export const addChange = changeAction('add_change', async (ctx, release, tx, now, change) => {
  const bundled = await bundleChange(ctx, tx, release, change, 'change', now);
  const { sensitivity, participants, details } = bundled.release;
  return { patch: { sensitivity, participants, details }, events: bundled.events, audit: { change } };
});

/** Takes a change out of a release still being prepared; it stays approved for another release. */
export const removeChange = changeAction('remove_change', async (ctx, release, tx, now, ref) => {
  const changes = await lockReleaseChanges(tx, release);
  const change = changes.find((c) => c.ref === ref || c.id === ref);
  if (!change) throw new AppError('validation.invalid', 'change', { field: 'change', detail: 'not_in_release' });
  const remaining = changes.filter((c) => c.id !== change.id);
  const affected = affectedBy(remaining, release.ownerParty);
  const window = await windowFor(tx, release, affected, now);
  await tx
    .update(tickets)
    .set(withDetails(change, 'change', { releaseId: null }))
    .where(eq(tickets.id, change.id));
  await tx
    .delete(ticketLinks)
    .where(
      and(eq(ticketLinks.fromId, release.id), eq(ticketLinks.toId, change.id), eq(ticketLinks.kind, 'implements')),
    );
  // On the change's own timeline the event names the release it left.
  await appendEvents(
    tx,
    change.id,
    authorOf(ctx),
    [
      {
        event: {
          kind: 'release_changes',
          data: { change: 'removed', changeId: release.id, changeRef: release.ref },
        },
      },
    ],
    now,
  );
  return {
    patch: withDetails(release, 'release', {
      changeIds: remaining.map((c) => c.id),
      affectedParties: affected,
      approvals: [],
      ...window,
    }),
    events: [
      {
        event: { kind: 'release_changes', data: { change: 'removed', changeId: change.id, changeRef: change.ref } },
      },
    ],
  };
});
