import { PRIORITIES } from '../../domain/priority.ts';
import type { SlaTarget } from '../../domain/sla.ts';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../../domain/actor.ts';
import { proposeChange } from '../agreements/propose-change.ts';
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
 * SLA-2 targets are part of the common agreement (SNC 10.2): setting them proposes the change
 * for tickets opened from a date on (tomorrow at the earliest); it is applied once every other
 * party has accepted it, so tickets already opened — and past reports — keep their targets.
 */
export async function setTargets(db: Db, actor: Actor, partyId: string, effectiveFrom: string, items: TargetInput[]) {
  return proposeChange(
    db,
    actor,
    { party: partyId, effectiveFrom, change: { kind: 'sla_targets', items } },
    new Date(),
    '',
  );
}
