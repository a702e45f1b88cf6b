import { AppError } from '../../domain/errors.ts';
import { PRIORITIES } from '../../domain/priority.ts';
import type { SlaTarget } from '../../domain/sla.ts';
import { isoDate, localDayOf } from '../../domain/time-zone.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import type { Db } from '../../store/db.ts';
import { slaTargets } from '../../store/schema/index.ts';
import { bumpSlaStamp } from '../../store/sla.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Actor } from '../../domain/actor.ts';
import { readCalendar } from './edit-calendar.ts';
import { loadSlaEnvironment } from './sla-environment.ts';

export interface TargetInput {
  ticketType: 'incident' | 'request';
  priority: (typeof PRIORITIES)[number];
  gtiMinutes: number;
  gtrMinutes: number;
  gteMinutes: number;
  objectivePct: number;
}

const TYPES = ['incident', 'request'] as const;

/** The targets in force today for every type and priority (the SLA-2 defaults where none is set). */
export async function currentTargets(db: Db, partyId: string) {
  await readCalendar(db, partyId); // 404 for an unknown party
  const env = await loadSlaEnvironment(db, [partyId], new Date(), new Date());
  const now = Date.now();
  return TYPES.flatMap((ticketType) =>
    PRIORITIES.map((priority) => {
      const t: SlaTarget = env.target(partyId, ticketType, priority, now);
      return {
        ticketType,
        priority,
        gtiMinutes: t.gtiMs / 60_000,
        gtrMinutes: t.gtrMs / 60_000,
        gteMinutes: t.gteMs / 60_000,
        objectivePct: t.objectivePct,
      };
    }),
  );
}

/**
 * SLA-2: sets targets for tickets opened from a date on (tomorrow at the earliest), so
 * tickets already opened — and past reports — keep the targets they were measured against.
 */
export async function setTargets(db: Db, actor: Actor, partyId: string, effectiveFrom: string, items: TargetInput[]) {
  assertAdministersParty(actor, partyId);
  const { calendar } = await readCalendar(db, partyId);
  const tomorrow = isoDate(localDayOf(calendar.timeZone, Date.now()) + 1);
  if (effectiveFrom < tomorrow)
    throw new AppError('validation.invalid', 'effectiveFrom', {
      field: 'effectiveFrom',
      detail: 'from_date',
      date: tomorrow,
    });
  // First intervention comes before escalation, escalation before resolution.
  const bad = items.findIndex((t) => !(t.gtiMinutes <= t.gteMinutes && t.gteMinutes <= t.gtrMinutes));
  if (bad >= 0)
    throw new AppError('validation.invalid', `items.${bad}`, { field: `items.${bad}`, detail: 'target_order' });
  await db.transaction(async (tx) => {
    for (const t of items) {
      const values = {
        gtiMs: t.gtiMinutes * 60_000,
        gtrMs: t.gtrMinutes * 60_000,
        gteMs: t.gteMinutes * 60_000,
        objectivePct: t.objectivePct,
      };
      await tx
        .insert(slaTargets)
        .values({ partyId, ticketType: t.ticketType, priority: t.priority, effectiveFrom, ...values })
        .onConflictDoUpdate({
          target: [slaTargets.partyId, slaTargets.ticketType, slaTargets.priority, slaTargets.effectiveFrom],
          set: values,
        });
    }
    await bumpSlaStamp(tx, partyId);
    await writeAudit(tx, {
      actorId: actor.id,
      party: partyId,
      action: 'sla.targets',
      targetId: partyId,
      data: { effectiveFrom, items: items.length },
    });
  });
}
