import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, OFFICE_HOURS, WallClock } from './business-time.ts';
import { ExcludingClock } from './maintenance-clock.ts';
import { computeSla, DEFAULT_INCIDENT_TARGETS, type SlaInput } from './sla.ts';
import { projectFacts, type FactEvent } from './sla-facts.ts';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const paris = new BusinessCalendar('Europe/Paris', [
  { effectiveFrom: '2000-01-01', rules: { weekly: OFFICE_HOURS, closedDates: ['2026-05-01'] } },
]);
const zurich = new BusinessCalendar('Europe/Zurich', [
  { effectiveFrom: '2000-01-01', rules: { weekly: OFFICE_HOURS, closedDates: ['2026-05-14'] } },
]);

const events: FactEvent[] = [
  {
    kind: 'created',
    at: at('2026-05-11T09:00:00+02:00'),
    data: { ref: 'EU-INC-2026-000001', title: 'Link down', channel: 'api', priority: 'P3' },
  },
  {
    kind: 'status_changed',
    at: at('2026-05-11T10:00:00+02:00'),
    data: { from: 'recorded', to: 'in_progress', action: 'test' },
  },
  {
    kind: 'transferred',
    at: at('2026-05-11T10:00:00+02:00'),
    data: { fromParty: 'EU', toParty: 'CH', groupId: 'g', groupName: 'CH desk' },
  },
  {
    kind: 'status_changed',
    at: at('2026-05-12T09:00:00+02:00'),
    data: { from: 'recorded', to: 'pending', action: 'test' },
  },
  {
    kind: 'status_changed',
    at: at('2026-05-12T11:00:00+02:00'),
    data: { from: 'recorded', to: 'in_progress', action: 'test' },
  },
  {
    kind: 'status_changed',
    at: at('2026-05-15T12:00:00+02:00'),
    data: { from: 'recorded', to: 'resolved', action: 'test' },
  },
];

function input(facts = projectFacts(events, 'EU', 'recorded')!, now = at('2026-05-20T12:00:00+02:00')): SlaInput {
  return {
    facts,
    target: DEFAULT_INCIDENT_TARGETS.P3,
    ownerClock: () => paris,
    partyClock: (p) => (p === 'CH' ? zurich : paris),
    warnAt: 0.75,
    now,
  };
}

describe('SLA clocks', () => {
  it('derives GTI, GTR, pause and per-party time from the timeline facts', () => {
    const sla = computeSla(input());
    expect(sla.gti).toMatchObject({ elapsedMs: 1 * HOUR, phase: 'stopped', level: 'ok' });
    // EU 09–10 (1 h); CH 10–18 on the 11th (8 h), 08–09 on the 12th (1 h), paused 09–11, 11–18 (7 h),
    // the 13th (10 h), the 14th (10 h in Paris; a holiday in Bern), the 15th 08–12 (4 h).
    expect(sla.pausedMs).toBe(2 * HOUR);
    expect(sla.gtr).toMatchObject({ elapsedMs: 41 * HOUR, phase: 'stopped', level: 'breached' });
    expect(sla.byParty).toEqual({ EU: 1 * HOUR, CH: 30 * HOUR });
  });

  it('keeps elapsed and paused time when the priority (target) changes', () => {
    const p3 = computeSla(input());
    const p1 = computeSla({ ...input(), target: DEFAULT_INCIDENT_TARGETS.P1 });
    expect(p1.gtr.elapsedMs).toBe(p3.gtr.elapsedMs);
    expect(p1.pausedMs).toBe(p3.pausedMs);
    expect(p1.gti.level).toBe('breached');
  });

  it('measures time before a change of priority with the clock of the old priority (on-call 24×7 for P1)', () => {
    const history: FactEvent[] = [
      {
        kind: 'created',
        at: at('2026-05-15T17:00:00+02:00'),
        data: { ref: 'EU-INC-2026-000001', title: 'Link down', channel: 'api', priority: 'P3' },
      },
      { kind: 'field_changed', at: at('2026-05-18T09:00:00+02:00'), data: { field: 'priority', from: 'P3', to: 'P1' } },
    ];
    const facts = projectFacts(history, 'EU', 'recorded')!;
    const onCall = (priority: string) => (priority === 'P1' ? new WallClock() : paris);
    const sla = computeSla({
      ...input(facts, at('2026-05-18T10:00:00+02:00')),
      target: DEFAULT_INCIDENT_TARGETS.P1,
      ownerClock: onCall,
    });
    // Friday 17–18 h and Monday 08–09 h in business hours as P3, then 09–10 h around the clock as P1.
    expect(sla.gti.elapsedMs).toBe(3 * HOUR);
    expect(sla.gtr.elapsedMs).toBe(3 * HOUR);
  });

  it('warns at 75 % and gives the due time of a running clock', () => {
    const facts = projectFacts(events.slice(0, 1), 'EU', 'recorded')!;
    const sla = computeSla(input(facts, at('2026-05-11T12:00:00+02:00')));
    expect(sla.gti).toMatchObject({
      elapsedMs: 3 * HOUR,
      phase: 'running',
      level: 'warning',
      dueAt: at('2026-05-11T13:00:00+02:00'),
    });
    expect(sla.level).toBe('warning');
  });

  it('excludes scheduled maintenance windows from every clock', () => {
    const window: [number, number] = [at('2026-05-11T09:30:00+02:00'), at('2026-05-11T11:30:00+02:00')];
    const clock = new ExcludingClock(paris, [window]);
    expect(clock.between(at('2026-05-11T09:00:00+02:00'), at('2026-05-11T12:00:00+02:00'))).toBe(1 * HOUR);
    expect(clock.add(at('2026-05-11T09:00:00+02:00'), 1 * HOUR)).toBe(at('2026-05-11T12:00:00+02:00'));
  });

  it('measures back exactly what it adds around maintenance windows (property)', () => {
    const base = at('2026-01-05T00:00:00Z');
    const windowArb = fc
      .tuple(fc.integer({ min: 0, max: 600 * HOUR }), fc.integer({ min: 1, max: 30 * HOUR }))
      .map(([s, l]) => [base + s, base + s + l] as [number, number]);
    fc.assert(
      fc.property(
        fc.array(windowArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 500 * HOUR }),
        fc.integer({ min: 0, max: 100 * HOUR }),
        fc.boolean(),
        (windows, offset, ms, wall) => {
          const clock = new ExcludingClock(wall ? new WallClock() : paris, windows);
          const start = base + offset;
          expect(clock.between(start, clock.add(start, ms))).toBe(ms);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts taking charge and a shared reply as the first intervention, never an internal note or Passerelle itself', () => {
    const opened: FactEvent = {
      kind: 'created',
      at: at('2026-05-11T09:00:00+02:00'),
      data: { ref: 'EU-INC-2026-000001', title: 'Link down', channel: 'api', priority: 'P3' },
    };
    const note: FactEvent = {
      kind: 'comment',
      at: at('2026-05-11T09:00:10+02:00'),
      data: { body: 'note' },
      visibility: 'internal',
    };
    const escalation: FactEvent = {
      kind: 'escalated',
      at: at('2026-05-11T09:30:00+02:00'),
      data: { mode: 'hierarchical', fromLevel: 1, toLevel: 2, reason: 'SLA' },
      system: true,
    };
    const reply: FactEvent = {
      kind: 'comment',
      at: at('2026-05-11T10:00:00+02:00'),
      data: { body: 'reply' },
      visibility: 'shared',
    };
    const taken: FactEvent = {
      kind: 'assigned',
      at: at('2026-05-11T11:00:00+02:00'),
      data: { party: 'EU', groupId: null, groupName: null, assigneeId: null, assigneeName: null },
    };
    expect(projectFacts([opened, note, escalation], 'EU', 'recorded')!.firstInterventionAt).toBeNull();
    expect(projectFacts([opened, note, escalation, reply, taken], 'EU', 'recorded')!.firstInterventionAt).toBe(
      reply.at,
    );
    expect(projectFacts([opened, note, taken, reply], 'EU', 'recorded')!.firstInterventionAt).toBe(taken.at);
  });

  it('projects status and holder segments from the timeline', () => {
    const whole = projectFacts(events, 'EU', 'recorded');
    expect(whole!.firstInterventionAt).toBe(at('2026-05-11T10:00:00+02:00'));
    expect(whole!.segments.map((s) => `${s.status}@${s.holder}`)).toEqual([
      'recorded@EU',
      'in_progress@EU',
      'in_progress@CH',
      'pending@CH',
      'in_progress@CH',
      'resolved@EU',
    ]);
  });
});
