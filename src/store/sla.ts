import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
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

/** Windows that apply to a service: those for that service and those for every service. */
export function windowsFor(rows: WindowRow[], partyId: string, service: string): [number, number][] {
  return rows.filter((w) => w.partyId === partyId && (w.service === null || w.service === service)).map((w) => [w.startsAt.getTime(), w.endsAt.getTime()]);
}


// Calendar versions never change once written, so every node may keep the ones it has read.
const versionCache = new Map<string, CalendarVersionRow>();

/**
 * Everything SLA clocks need for some parties in two round trips at most: one query for
 * calendars, version ids, maintenance windows and targets, and one for versions not read
 * before (they are immutable).
 */
export async function loadSlaData(db: Db, partyIds: string[], from: Date, to: Date) {
  if (partyIds.length === 0) return { calendars: [] as CalendarRow[], versions: [] as CalendarVersionRow[], windows: [] as WindowRow[], targets: [] as TargetRow[] };
  const parties = sql`array[${sql.join(partyIds.map((p) => sql`${p}`), sql`, `)}]::text[]`;
  const result = (await db.execute(sql`
    select
      (select coalesce(json_agg(json_build_object('partyId', c.party_id, 'timeZone', c.time_zone, 'holidayCountry', c.holiday_country, 'holidayRegion', c.holiday_region, 'warnPct', c.warn_pct)), '[]'::json)
         from calendars c where c.party_id = any(${parties}))::text as calendars,
      (select coalesce(json_agg(v.id order by v.party_id, v.version), '[]'::json) from calendar_versions v where v.party_id = any(${parties}))::text as version_ids,
      (select coalesce(json_agg(json_build_object('id', w.id, 'partyId', w.party_id, 'title', w.title, 'service', w.service, 'startsAt', w.starts_at, 'endsAt', w.ends_at)), '[]'::json)
         from maintenance_windows w where w.party_id = any(${parties}) and w.starts_at < ${to.toISOString()}::timestamptz and w.ends_at > ${from.toISOString()}::timestamptz)::text as windows,
      (select coalesce(json_agg(json_build_object('partyId', t.party_id, 'ticketType', t.ticket_type, 'priority', t.priority, 'effectiveFrom', t.effective_from, 'gtiMs', t.gti_ms, 'gtrMs', t.gtr_ms, 'gteMs', t.gte_ms, 'objectivePct', t.objective_pct)), '[]'::json)
         from sla_targets t where t.party_id = any(${parties}))::text as targets`)) as unknown as { rows: unknown[] };
  const row = result.rows[0] as { calendars: string; version_ids: string; windows: string; targets: string };
  const ids = JSON.parse(row.version_ids) as string[];
  const missing = ids.filter((id) => !versionCache.has(id));
  if (missing.length > 0) {
    for (const version of await db.select().from(calendarVersions).where(inArray(calendarVersions.id, missing))) versionCache.set(version.id, version);
  }
  const windows = (JSON.parse(row.windows) as (Omit<WindowRow, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string })[]).map((w) => ({ ...w, startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) })) as WindowRow[];
  return {
    calendars: JSON.parse(row.calendars) as CalendarRow[],
    versions: ids.map((id) => versionCache.get(id)!),
    windows,
    targets: JSON.parse(row.targets) as TargetRow[],
  };
}
