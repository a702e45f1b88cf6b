import { OFFICE_HOURS } from '../../domain/business-time.ts';
import type { Db } from '../../store/db.ts';
import { calendars } from '../../store/schema/index.ts';
import { writeCalendarVersion } from './calendar-version.ts';

export interface CalendarChoice {
  timeZone: string;
  country: string;
  region?: string | null | undefined;
}

/** SLA-3 default: 08:00–18:00 Monday to Friday, French calendar and hours. */
export const DEFAULT_CALENDAR: CalendarChoice = { timeZone: 'Europe/Paris', country: 'FR', region: null };

/** Gives a new party its calendar, in force from the start of the previous year. */
export async function createCalendar(tx: Db, partyId: string, choice: CalendarChoice, now = new Date()) {
  await tx.insert(calendars).values({
    partyId,
    timeZone: choice.timeZone,
    holidayCountry: choice.country,
    holidayRegion: choice.region ?? null,
  });
  await writeCalendarVersion(tx, partyId, {
    country: choice.country,
    region: choice.region ?? null,
    weekly: OFFICE_HOURS,
    extraClosures: [],
    onCallPriorities: [],
    effectiveFrom: `${now.getUTCFullYear() - 1}-01-01`,
    createdBy: null,
  });
}
