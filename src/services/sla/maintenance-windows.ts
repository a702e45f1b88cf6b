import { randomUUID } from 'node:crypto';
import { and, arrayOverlaps, asc, eq, gt, gte, inArray, lt, lte, or } from 'drizzle-orm';
import { ticketVisibleTo } from '../../policies/ticket-visibility.ts';
import { clipAndMerge } from '../../domain/availability.ts';
import { AppError } from '../../domain/errors.ts';
import { assertSchedulesMaintenance } from '../../policies/operations.ts';
import type { Db } from '../../store/db.ts';
import { maintenanceWindows, tickets } from '../../store/schema/index.ts';
import { countedWindowsOf } from '../../store/sla.ts';
import { slaSettingsChanged } from './sla-settings-changed.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Actor } from '../../domain/actor.ts';

export interface WindowInput {
  title: string;
  service?: string | null | undefined;
  startsAt: Date;
  endsAt: Date;
}

/** Windows stop SLA clocks, so they are announced ahead and kept short. */
const MIN_NOTICE_MS = 3_600_000;
const MAX_LENGTH_MS = 72 * 3_600_000;

/** A window is announced at least an hour ahead, ends after it starts and lasts at most 72 hours. */
export function checkWindowTimes(startsAt: Date, endsAt: Date, now: Date): void {
  if (startsAt.getTime() < now.getTime() + MIN_NOTICE_MS)
    throw new AppError('validation.invalid', 'startsAt', { field: 'startsAt', detail: 'notice' });
  if (endsAt <= startsAt)
    throw new AppError('validation.invalid', 'endsAt', { field: 'endsAt', detail: 'after_start' });
  if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS)
    throw new AppError('validation.invalid', 'endsAt', { field: 'endsAt', detail: 'window_length' });
}

/**
 * Schedules a maintenance window (COL-5, SLA-3). Only future windows may be scheduled or
 * cancelled: clocks already measured never change afterwards.
 */
export async function scheduleMaintenance(db: Db, actor: Actor, input: WindowInput) {
  assertSchedulesMaintenance(actor, actor.party);
  checkWindowTimes(input.startsAt, input.endsAt, new Date());
  return db.transaction(async (tx) => {
    // Locks the party row first, so two schedulers cannot both pass the length check below.
    await slaSettingsChanged(tx, actor.party);
    // Back-to-back or overlapping windows count as one stretch, which may not exceed the limit either.
    const neighbours = await tx
      .select({ startsAt: maintenanceWindows.startsAt, endsAt: maintenanceWindows.endsAt })
      .from(maintenanceWindows)
      .where(
        and(
          eq(maintenanceWindows.partyId, actor.party),
          lte(maintenanceWindows.startsAt, new Date(input.endsAt.getTime() + MAX_LENGTH_MS)),
          gte(maintenanceWindows.endsAt, new Date(input.startsAt.getTime() - MAX_LENGTH_MS)),
        ),
      );
    const stretch = clipAndMerge(
      [
        ...neighbours.map((w) => [w.startsAt.getTime(), w.endsAt.getTime()] as [number, number]),
        [input.startsAt.getTime(), input.endsAt.getTime()],
      ],
      -Infinity,
      Infinity,
    ).find(([s, e]) => s <= input.startsAt.getTime() && e >= input.endsAt.getTime())!;
    if (stretch[1] - stretch[0] > MAX_LENGTH_MS)
      throw new AppError('validation.invalid', 'endsAt', { field: 'endsAt', detail: 'window_length' });
    const [row] = await tx
      .insert(maintenanceWindows)
      .values({
        id: randomUUID(),
        partyId: actor.party,
        title: input.title,
        service: input.service ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdBy: actor.id,
      })
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      party: actor.party,
      action: 'maintenance.schedule',
      targetId: row!.id,
      data: { title: input.title },
    });
    return row!;
  });
}

export async function cancelMaintenance(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(maintenanceWindows).where(eq(maintenanceWindows.id, id));
    if (!row || row.partyId !== actor.party) throw new AppError('window.not_found');
    assertSchedulesMaintenance(actor, row.partyId);
    // A joint window belongs to its release and to every party that accepted it.
    if (row.joint) throw new AppError('validation.invalid', 'id', { field: 'id', detail: 'joint_window' });
    if (row.startsAt.getTime() <= Date.now())
      throw new AppError('validation.invalid', 'id', { field: 'id', detail: 'window_started' });
    await tx.delete(maintenanceWindows).where(eq(maintenanceWindows.id, id));
    await slaSettingsChanged(tx, row.partyId);
    await writeAudit(tx, { actorId: actor.id, party: actor.party, action: 'maintenance.cancel', targetId: id });
  });
}

/**
 * Windows of some parties (their own and the joint ones they are partners in) overlapping
 * [from, to), in start order (every party publishes its own, COL-5). A joint window names its
 * release only to a reader who may see that release.
 */
export function listMaintenance(db: Db, actor: Actor, parties: string[], from: Date, to: Date) {
  return db
    .select({ window: maintenanceWindows, releaseRef: tickets.ref })
    .from(maintenanceWindows)
    .leftJoin(tickets, and(eq(tickets.id, maintenanceWindows.releaseId), ticketVisibleTo(actor)))
    .where(
      and(
        or(inArray(maintenanceWindows.partyId, parties), arrayOverlaps(maintenanceWindows.partners, parties)),
        lt(maintenanceWindows.startsAt, to),
        gt(maintenanceWindows.endsAt, from),
      ),
    )
    .orderBy(asc(maintenanceWindows.startsAt));
}

/** The windows that count for a party's clocks and availability in [from, to): its own, and accepted joint ones. */
export function countedWindows(db: Db, party: string, from: Date, to: Date) {
  return db
    .select()
    .from(maintenanceWindows)
    .where(and(countedWindowsOf(party), lt(maintenanceWindows.startsAt, to), gt(maintenanceWindows.endsAt, from)))
    .orderBy(asc(maintenanceWindows.startsAt));
}

export type MaintenanceWindow = Awaited<ReturnType<typeof listMaintenance>>[number]['window'];
