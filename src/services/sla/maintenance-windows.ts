import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { assertSchedulesMaintenance } from '../../policies/operations.ts';
import type { Db } from '../../store/db.ts';
import { maintenanceWindows } from '../../store/schema.ts';
import { bumpSlaStamp } from '../../store/sla.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Actor } from '../context.ts';

export interface WindowInput {
  title: string;
  service?: string | null | undefined;
  startsAt: Date;
  endsAt: Date;
}

/** Windows stop SLA clocks, so they are announced ahead and kept short. */
const MIN_NOTICE_MS = 3_600_000;
const MAX_LENGTH_MS = 72 * 3_600_000;

/**
 * Schedules a maintenance window (COL-5, SLA-3). Only future windows may be scheduled or
 * cancelled: clocks already measured never change afterwards.
 */
export async function scheduleMaintenance(db: Db, actor: Actor, input: WindowInput) {
  assertSchedulesMaintenance(actor, actor.party);
  if (input.startsAt.getTime() < Date.now() + MIN_NOTICE_MS) throw new AppError('validation.invalid', 'startsAt', { field: 'startsAt', detail: 'notice' });
  if (input.endsAt <= input.startsAt) throw new AppError('validation.invalid', 'endsAt', { field: 'endsAt', detail: 'after_start' });
  if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_LENGTH_MS) throw new AppError('validation.invalid', 'endsAt', { field: 'endsAt', detail: 'window_length' });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(maintenanceWindows).values({ id: randomUUID(), partyId: actor.party, title: input.title, service: input.service ?? null, startsAt: input.startsAt, endsAt: input.endsAt, createdBy: actor.id }).returning();
    await bumpSlaStamp(tx, actor.party);
    await writeAudit(tx, { actorId: actor.id, party: actor.party, action: 'maintenance.schedule', targetId: row!.id, data: { title: input.title } });
    return row!;
  });
}

export async function cancelMaintenance(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(maintenanceWindows).where(eq(maintenanceWindows.id, id));
    if (!row || row.partyId !== actor.party) throw new AppError('request.not_found');
    assertSchedulesMaintenance(actor, row.partyId);
    if (row.startsAt.getTime() <= Date.now()) throw new AppError('validation.invalid', 'id', { field: 'id', detail: 'window_started' });
    await tx.delete(maintenanceWindows).where(eq(maintenanceWindows.id, id));
    await bumpSlaStamp(tx, row.partyId);
    await writeAudit(tx, { actorId: actor.id, party: actor.party, action: 'maintenance.cancel', targetId: id });
  });
}

/** Windows of some parties overlapping [from, to), in start order (every party publishes its own, COL-5). */
export function listMaintenance(db: Db, parties: string[], from: Date, to: Date) {
  return db
    .select()
    .from(maintenanceWindows)
    .where(and(inArray(maintenanceWindows.partyId, parties), lt(maintenanceWindows.startsAt, to), gt(maintenanceWindows.endsAt, from)))
    .orderBy(asc(maintenanceWindows.startsAt));
}
