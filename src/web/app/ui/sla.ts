export const SLA_CLOCKS = ['gti', 'gtr', 'gte'] as const;
export type SlaClockName = (typeof SLA_CLOCKS)[number];

/** The clock that matters most now: a breached running one, else the running one due first. */
export function urgentClock(sla: Sla): { name: SlaClockName; clock: SlaClock } | null {
  const running = SLA_CLOCKS.map((name) => ({ name, clock: sla[name] })).filter((c) => c.clock.phase === 'running');
  const breached = running.find((c) => c.clock.level === 'breached');
  if (breached) return breached;
  const due = running
    .filter((c) => c.clock.dueAt)
    .sort((a, b) => Date.parse(a.clock.dueAt!) - Date.parse(b.clock.dueAt!));
  return due[0] ?? null;
}

/** Splits a duration into whole hours and minutes (business time, so no days). */
export function hoursMinutes(ms: number): { h: number; m: number } {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}
import type { Sla, SlaClock } from '../../../contract/schemas.ts';
