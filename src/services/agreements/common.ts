import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { dayNumber, instantOf, isoDate, localDayOf } from '../../domain/time-zone.ts';
import type { Db } from '../../store/db.ts';
import { readCalendar } from '../sla/edit-calendar.ts';

/** Agreement changes are proposed and decided by a party's administrators, for their own party. */
export function assertAgreementAdmin(actor: Actor): void {
  if (!actor.roles.includes('party_admin')) throw new AppError('auth.forbidden');
}

/** Today and tomorrow in the calendar of the party whose agreement part changes, and the instant its date starts. */
export async function agreementDates(db: Db, partyId: string, effectiveFrom: string, now: Date) {
  const { calendar } = await readCalendar(db, partyId);
  const today = localDayOf(calendar.timeZone, now.getTime());
  return {
    today: isoDate(today),
    tomorrow: isoDate(today + 1),
    startsAt: new Date(instantOf(calendar.timeZone, dayNumber(effectiveFrom), 0)),
  };
}
