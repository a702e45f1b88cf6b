import { eq } from 'drizzle-orm';
import type { DayHours } from '../../domain/business-time.ts';
import { AppError } from '../../domain/errors.ts';
import { isoDate, localDayOf } from '../../domain/time-zone.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import type { Db } from '../../store/db.ts';
import { loadCalendars } from '../../store/sla.ts';
import { calendars } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { Actor } from '../../domain/actor.ts';
import { writeCalendarVersion } from './calendar-version.ts';
import type { Priority } from '../../domain/priority.ts';

export interface NewVersionInput {
  weekly: DayHours[];
  extraClosures: string[];
  onCallPriorities: Priority[];
  effectiveFrom: string;
  warnPct?: number | undefined;
}

/** A party's calendar with all its versions (readable by every signed-in user). */
export async function readCalendar(db: Db, partyId: string) {
  const { calendars: rows, versions } = await loadCalendars(db, [partyId]);
  const calendar = rows[0];
  if (!calendar) throw new AppError('party.not_found');
  return { calendar, versions };
}

/**
 * Edits a calendar by adding a version in force from tomorrow or later in the calendar's own
 * time zone: days already counted keep the rules they were measured with, so a closed
 * month's figures never change (SLA-3).
 */
export async function addCalendarVersion(db: Db, actor: Actor, partyId: string, input: NewVersionInput) {
  assertAdministersParty(actor, partyId);
  const { calendar } = await readCalendar(db, partyId);
  // From tomorrow on: today's hours may already have been counted.
  const tomorrow = isoDate(localDayOf(calendar.timeZone, Date.now()) + 1);
  if (input.effectiveFrom < tomorrow) {
    throw new AppError('validation.invalid', 'effectiveFrom', {
      field: 'effectiveFrom',
      detail: 'from_date',
      date: tomorrow,
    });
  }
  // A calendar without any opening hour would never reach a deadline.
  if (input.weekly.every((hours) => hours.length === 0) && input.onCallPriorities.length < 5) {
    throw new AppError('validation.invalid', 'weekly', { field: 'weekly', detail: 'opening_hours' });
  }
  for (const [day, hours] of input.weekly.entries()) {
    if (hours.some(([s, e]) => !(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= 1440 && s < e))) {
      throw new AppError('validation.invalid', `weekly.${day}`, { field: `weekly.${day}`, detail: 'day_intervals' });
    }
  }
  return db.transaction(async (tx) => {
    if (input.warnPct !== undefined)
      await tx.update(calendars).set({ warnPct: input.warnPct }).where(eq(calendars.partyId, partyId));
    const version = await writeCalendarVersion(tx, partyId, {
      ...input,
      country: calendar.holidayCountry,
      region: calendar.holidayRegion,
      createdBy: actor.id,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      party: partyId,
      action: 'calendar.version',
      targetId: version.id,
      data: { version: version.version, effectiveFrom: input.effectiveFrom },
    });
    return version;
  });
}
