import { BusinessCalendar, type CalendarRules, type Clock, type DayHours } from '../../domain/business-time.ts';
import { ExcludingClock } from '../../domain/maintenance-clock.ts';
import { OFFICE_HOURS } from '../../domain/business-time.ts';
import type { Priority } from '../../domain/priority.ts';
import { isoDate, localDayOf } from '../../domain/time-zone.ts';
import { DEFAULT_INCIDENT_TARGETS, DEFAULT_REQUEST_TARGET, type SlaTarget } from '../../domain/sla.ts';
import type { Db } from '../../store/db.ts';
import { loadSlaData, windowsFor, type CalendarVersionRow, type SlaVersion } from '../../store/sla.ts';
import type { TicketType } from '../../domain/ticket-types.ts';

/** Everything SLA clocks need for a set of parties: calendars, on-call coverage, windows, targets. */
export interface SlaEnvironment {
  /** The owning party's clock for a ticket: business hours or 24×7 by priority, maintenance excluded. */
  ticketClock(party: string, priority: Priority, service: string): Clock;
  /** A party's own business calendar (operational-level time). */
  partyClock(party: string): Clock;
  /** The target in force for tickets opened at `openedAt` (versions never re-target older tickets). */
  target(party: string, type: TicketType, priority: Priority, openedAt: number): SlaTarget;
  warnAt(party: string): number;
}

// Versions are immutable, so a compiled calendar can be shared for as long as its version set lasts.
const compiled = new Map<string, BusinessCalendar>();

const AROUND_THE_CLOCK: CalendarRules = {
  weekly: Array.from({ length: 7 }, (): DayHours => [[0, 1440]]),
  closedDates: [],
};

/** A party's calendar for one priority: each version's hours, or 24×7 where it covers that priority on call. */
function compile(timeZone: string, versions: CalendarVersionRow[], priority: Priority | null): BusinessCalendar {
  const key = `${timeZone}|${priority}|${versions.map((v) => v.id).join(',')}`;
  let calendar = compiled.get(key);
  if (!calendar) {
    calendar = new BusinessCalendar(
      timeZone,
      versions.map((v) => ({
        effectiveFrom: v.effectiveFrom,
        rules:
          priority && v.onCallPriorities.includes(priority)
            ? AROUND_THE_CLOCK
            : {
                weekly: v.weekly,
                closedDates: [...v.holidays, ...v.extraClosures],
              },
      })),
    );
    if (compiled.size > 200) compiled.clear();
    compiled.set(key, calendar);
  }
  return calendar;
}

const FALLBACK = new BusinessCalendar('Europe/Paris', [
  { effectiveFrom: '1970-01-01', rules: { weekly: OFFICE_HOURS, closedDates: [] } },
]);

/**
 * Loads the SLA environment of some parties, with maintenance windows over [from, to); `known`:
 * the SLA versions of some of them, read by the caller in the same transaction.
 */
export async function loadSlaEnvironment(
  db: Db,
  partyIds: string[],
  from: Date,
  to: Date,
  known?: ReadonlyMap<string, SlaVersion>,
): Promise<SlaEnvironment> {
  const unique = [...new Set(partyIds)];
  const { calendars, versions, windows, targets } = await loadSlaData(db, unique, from, to, known);
  const zones = new Map(calendars.map((c) => [c.partyId, c.timeZone]));
  const calendarOf = (party: string, priority: Priority | null) => {
    const zone = zones.get(party);
    return zone
      ? compile(
          zone,
          versions.filter((v) => v.partyId === party),
          priority,
        )
      : FALLBACK;
  };
  const warn = new Map(calendars.map((c) => [c.partyId, c.warnPct / 100]));
  const clocks = new Map<string, Clock>();
  return {
    ticketClock(party, priority, service) {
      const key = `${party}|${priority}|${service}`;
      let clock = clocks.get(key);
      if (!clock) {
        clock = new ExcludingClock(calendarOf(party, priority), windowsFor(windows, party, service));
        clocks.set(key, clock);
      }
      return clock;
    },
    partyClock: (party) => calendarOf(party, null),
    target(party, type, priority, openedAt) {
      const day = isoDate(localDayOf(zones.get(party) ?? 'Europe/Paris', openedAt));
      const row = targets
        .filter(
          (t) => t.partyId === party && t.ticketType === type && t.priority === priority && t.effectiveFrom <= day,
        )
        .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
        .at(-1);
      if (row) return { gtiMs: row.gtiMs, gtrMs: row.gtrMs, gteMs: row.gteMs, objectivePct: row.objectivePct };
      return type === 'request' ? DEFAULT_REQUEST_TARGET : DEFAULT_INCIDENT_TARGETS[priority];
    },
    warnAt: (party) => warn.get(party) ?? 0.75,
  };
}
