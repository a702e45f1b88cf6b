import { and, asc, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from './db.ts';
import { calendars, calendarVersions, maintenanceWindows, slaTargets } from './schema.ts';

export type CalendarRow = typeof calendars.$inferSelect;
export type CalendarVersionRow = typeof calendarVersions.$inferSelect;
export type WindowRow = typeof maintenanceWindows.$inferSelect;
export type TargetRow = typeof slaTargets.$inferSelect;

/** Calendars and every version of them, for some parties. */
export async function loadCalendars(db: Db, partyIds: string[]) {
  if (partyIds.length === 0) return { calendars: [], versions: [] };
  const [cals, versions] = await Promise.all([
    db.select().from(calendars).where(inArray(calendars.partyId, partyIds)),
    db.select().from(calendarVersions).where(inArray(calendarVersions.partyId, partyIds)).orderBy(asc(calendarVersions.version)),
  ]);
  return { calendars: cals, versions };
}

export async function latestCalendarVersion(db: Db, partyId: string): Promise<CalendarVersionRow | null> {
  const rows = await db.select().from(calendarVersions).where(eq(calendarVersions.partyId, partyId)).orderBy(desc(calendarVersions.version)).limit(1);
  return rows[0] ?? null;
}

/** Maintenance windows of some parties overlapping [from, to). */
export async function loadWindows(db: Db, partyIds: string[], from: Date, to: Date): Promise<WindowRow[]> {
  if (partyIds.length === 0) return [];
  return db
    .select()
    .from(maintenanceWindows)
    .where(and(inArray(maintenanceWindows.partyId, partyIds), lt(maintenanceWindows.startsAt, to), gt(maintenanceWindows.endsAt, from)));
}

export async function loadTargets(db: Db, partyIds: string[]): Promise<TargetRow[]> {
  if (partyIds.length === 0) return [];
  return db.select().from(slaTargets).where(inArray(slaTargets.partyId, partyIds));
}

/** Windows that apply to a service: those for that service and those for every service. */
export function windowsFor(rows: WindowRow[], partyId: string, service: string): [number, number][] {
  return rows.filter((w) => w.partyId === partyId && (w.service === null || w.service === service)).map((w) => [w.startsAt.getTime(), w.endsAt.getTime()]);
}

