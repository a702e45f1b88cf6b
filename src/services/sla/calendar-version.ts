import { randomUUID } from 'node:crypto';
import type { DayHours } from '../../domain/business-time.ts';
import { publicHolidays } from '../../domain/holidays.ts';
import type { Db } from '../../store/db.ts';
import { latestCalendarVersion } from '../../store/sla.ts';
import { slaSettingsChanged } from './sla-settings-changed.ts';
import { calendarVersions } from '../../store/schema/index.ts';
import type { Priority } from '../../domain/priority.ts';

/** Holidays are expanded this many years around the version's start. */
const YEARS_BACK = 2;
const YEARS_AHEAD = 8;

export interface VersionInput {
  country: string;
  region: string | null;
  weekly: DayHours[];
  extraClosures: string[];
  onCallPriorities: Priority[];
  effectiveFrom: string;
  createdBy: string | null;
}

/** Writes the next immutable version of a party's calendar, holidays expanded now. */
export async function writeCalendarVersion(tx: Db, partyId: string, input: VersionInput) {
  // Bumping first locks the party row: concurrent editors are serialised, numbers never clash.
  await slaSettingsChanged(tx, partyId);
  const latest = await latestCalendarVersion(tx, partyId);
  const year = Number(input.effectiveFrom.slice(0, 4));
  const [row] = await tx
    .insert(calendarVersions)
    .values({
      id: randomUUID(),
      partyId,
      version: (latest?.version ?? 0) + 1,
      effectiveFrom: input.effectiveFrom,
      weekly: input.weekly,
      holidays: publicHolidays(input.country, input.region, year - YEARS_BACK, year + YEARS_AHEAD),
      extraClosures: [...new Set(input.extraClosures)].sort(),
      onCallPriorities: [...new Set(input.onCallPriorities)].sort(),
      createdBy: input.createdBy,
    })
    .returning();
  return row!;
}
