import type { Clock } from './business-time.ts';
import type { Priority } from './priority.ts';
import type { SlaFacts } from './sla-facts.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Targets of one ticket type and priority (SLA-2): intervention, resolution, escalation. */
export interface SlaTarget {
  gtiMs: number;
  gtrMs: number;
  gteMs: number;
  /** Share of tickets that must meet the GTI in a month, in percent. */
  objectivePct: number;
}

/** SLA-2 defaults for incidents (SNC SLA 8); GTR and GTE are configurable, these are starting values. */
export const DEFAULT_INCIDENT_TARGETS: Record<Priority, SlaTarget> = {
  P1: { gtiMs: 30 * MIN, gtrMs: 4 * HOUR, gteMs: 1 * HOUR, objectivePct: 95 },
  P2: { gtiMs: 2 * HOUR, gtrMs: 8 * HOUR, gteMs: 4 * HOUR, objectivePct: 90 },
  P3: { gtiMs: 4 * HOUR, gtrMs: 24 * HOUR, gteMs: 8 * HOUR, objectivePct: 90 },
  P4: { gtiMs: 24 * HOUR, gtrMs: 40 * HOUR, gteMs: 24 * HOUR, objectivePct: 85 },
  P5: { gtiMs: 48 * HOUR, gtrMs: 80 * HOUR, gteMs: 48 * HOUR, objectivePct: 85 },
};

/** Service requests: GTI 4 h at 90 % whatever the priority (SNC SLA 9). */
export const DEFAULT_REQUEST_TARGET: SlaTarget = {
  gtiMs: 4 * HOUR,
  gtrMs: 40 * HOUR,
  gteMs: 24 * HOUR,
  objectivePct: 90,
};

/** Statuses during which the resolution clock waits on the requester. */
export const PAUSED_STATUSES = new Set(['pending']);
/** Statuses in which the resolution clock has stopped (the work is done or verified). */
export const STOPPED_STATUSES = new Set(['resolved', 'verified', 'closed']);

export type ClockPhase = 'running' | 'paused' | 'stopped';
export type Level = 'ok' | 'warning' | 'breached';

export interface ClockState {
  targetMs: number;
  elapsedMs: number;
  phase: ClockPhase;
  /** When the target will be reached if the clock keeps running; null unless running. */
  dueAt: number | null;
  level: Level;
}

export interface SlaState {
  gti: ClockState;
  gtr: ClockState;
  gte: ClockState;
  /** Business time spent waiting on the requester (owner's calendar). */
  pausedMs: number;
  /** Operational-level time each party held the ticket, each in its own calendar. */
  byParty: Record<string, number>;
  level: Level;
}

export interface SlaInput {
  facts: SlaFacts;
  target: SlaTarget;
  /** The owning party's clock for a priority (business hours or 24×7 on call), maintenance excluded. */
  ownerClock(priority: Priority): Clock;
  partyClock(party: string): Clock;
  /** Share of a target at which a warning is raised, 0–1 (SLA-4, default 0.75). */
  warnAt: number;
  now: number;
  /** Skip the due instants (only levels are needed, e.g. by the SLA check): saves the calendar walks. */
  levelsOnly?: boolean;
}

function levelOf(elapsed: number, target: number, warnAt: number): Level {
  if (elapsed > target) return 'breached';
  return elapsed >= target * warnAt ? 'warning' : 'ok';
}

function clock(elapsedMs: number, targetMs: number, phase: ClockPhase, input: SlaInput): ClockState {
  const running = phase === 'running' && elapsedMs < targetMs;
  const current = input.ownerClock(input.facts.segments.at(-1)!.priority);

  return {
    targetMs,
    elapsedMs,
    phase,
    dueAt: running && !input.levelsOnly ? current.add(input.now, targetMs - elapsedMs) : null,
    level: levelOf(elapsedMs, targetMs, input.warnAt),
  };
}

/**
 * Business time from opening to `until` (the first intervention, or now), each stretch
 * measured with the clock of the priority then in force: GTI elapsed (SLA-2).
 */
export function interventionElapsed(facts: SlaFacts, ownerClock: (priority: Priority) => Clock, until: number): number {
  let total = 0;
  facts.segments.forEach((segment, index) => {
    const end = Math.min(facts.segments[index + 1]?.at ?? until, until);
    if (end > segment.at) total += ownerClock(segment.priority).between(segment.at, end);
  });
  return total;
}

/** The SLA state of a ticket at `now`, computed only from its facts and the calendars. */
export function computeSla(input: SlaInput): SlaState {
  const { facts, target, ownerClock, now } = input;
  const intervened = facts.firstInterventionAt;
  const gtiElapsed = interventionElapsed(facts, ownerClock, intervened ?? now);
  let working = 0;
  let paused = 0;
  const byParty: Record<string, number> = {};
  facts.segments.forEach((segment, index) => {
    const end = Math.min(facts.segments[index + 1]?.at ?? now, now);
    if (STOPPED_STATUSES.has(segment.status) || end <= segment.at) return;
    const clockNow = ownerClock(segment.priority);
    if (PAUSED_STATUSES.has(segment.status)) {
      paused += clockNow.between(segment.at, end);
      return;
    }
    working += clockNow.between(segment.at, end);
    byParty[segment.holder] =
      (byParty[segment.holder] ?? 0) + input.partyClock(segment.holder).between(segment.at, end);
  });
  const status = facts.segments.at(-1)!.status;
  const phase: ClockPhase = STOPPED_STATUSES.has(status)
    ? 'stopped'
    : PAUSED_STATUSES.has(status)
      ? 'paused'
      : 'running';
  const gti = clock(gtiElapsed, target.gtiMs, intervened === null ? 'running' : 'stopped', input);
  const gtr = clock(working, target.gtrMs, phase, input);
  const gte = clock(working, target.gteMs, phase, input);
  const levels = [gti.level, gtr.level];
  const level: Level = levels.includes('breached') ? 'breached' : levels.includes('warning') ? 'warning' : 'ok';
  return { gti, gtr, gte, pausedMs: paused, byParty, level };
}

const CLOCK_NAMES = ['gti', 'gtr', 'gte'] as const;

/** Thresholds a state has crossed that the ticket has not signalled yet, e.g. `gtr:breached` (SLA-4). */
export function newAlerts(sla: SlaState, already: string[]): string[] {
  const alerts: string[] = [];
  for (const name of CLOCK_NAMES) {
    const clock: ClockState = sla[name];
    if (clock.level === 'ok') continue;
    for (const level of clock.level === 'breached' ? ['warning', 'breached'] : ['warning']) {
      if (!already.includes(`${name}:${level}`)) alerts.push(`${name}:${level}`);
    }
  }
  return alerts;
}

/**
 * The first instant after `input.now` at which a running clock of `state` (computed from the
 * same input) reaches a threshold it has not reached yet: the warning at `warnAt` × target,
 * the breach one millisecond past the target. Null when no clock runs or every running clock
 * is already breached. The SLA check needs to look at the ticket again at that instant only.
 */
export function nextThresholdAt(input: SlaInput, state: SlaState): number | null {
  const current = input.ownerClock(input.facts.segments.at(-1)!.priority);
  let next: number | null = null;
  for (const name of CLOCK_NAMES) {
    const { phase, elapsedMs, targetMs } = state[name];
    if (phase !== 'running') continue;
    const threshold = [Math.ceil(targetMs * input.warnAt), targetMs + 1].find((t) => t > elapsedMs);
    if (threshold === undefined) continue;
    const at = current.add(input.now, threshold - elapsedMs);
    if (next === null || at < next) next = at;
  }
  return next;
}
