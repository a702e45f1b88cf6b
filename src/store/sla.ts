import { and, arrayContains, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db.ts';
import { preparedRead } from './prepared.ts';
import { calendars, calendarVersions, maintenanceWindows, parties, slaTargets } from './schema/index.ts';

/**
 * The windows that count for a party (its clocks, its availability): its own, and the joint
 * windows it accepted with others (REL-2); proposed or refused ones stop no clock.
 */
export function countedWindowsOf(partyId: string): SQL {
  return and(
    or(eq(maintenanceWindows.partyId, partyId), arrayContains(maintenanceWindows.partners, [partyId])),
    inArray(maintenanceWindows.status, ['scheduled', 'accepted']),
  ) as SQL;
}

export type CalendarRow = typeof calendars.$inferSelect;
export type CalendarVersionRow = typeof calendarVersions.$inferSelect;
export type WindowRow = typeof maintenanceWindows.$inferSelect;
export type TargetRow = typeof slaTargets.$inferSelect;

/** Calendars and every version of them, for some parties. */
export async function loadCalendars(db: Db, partyIds: string[]) {
  if (partyIds.length === 0) return { calendars: [], versions: [] };
  // In sequence: `db` may be a transaction, one client that runs one query at a time.
  const cals = await db.select().from(calendars).where(inArray(calendars.partyId, partyIds));
  const versions = await db
    .select()
    .from(calendarVersions)
    .where(inArray(calendarVersions.partyId, partyIds))
    .orderBy(asc(calendarVersions.version));
  return { calendars: cals, versions };
}

export async function latestCalendarVersion(db: Db, partyId: string): Promise<CalendarVersionRow | null> {
  const rows = await db
    .select()
    .from(calendarVersions)
    .where(eq(calendarVersions.partyId, partyId))
    .orderBy(desc(calendarVersions.version))
    .limit(1);
  return rows[0] ?? null;
}

/** Windows that apply to a service: those for that service and those for every service. */
export function windowsFor(rows: WindowRow[], partyId: string, service: string): [number, number][] {
  return rows
    .filter((w) => w.partyId === partyId && (w.service === null || w.service === service))
    .map((w) => [w.startsAt.getTime(), w.endsAt.getTime()]);
}

/** Marks a party's SLA settings as changed, inside the transaction that changes them. */
export async function bumpSlaStamp(tx: Db, partyId: string) {
  await tx
    .update(parties)
    .set({ slaStamp: sql`${parties.slaStamp} + 1` })
    .where(eq(parties.id, partyId));
}

/**
 * What a party's SLA settings are cached under: its `sla_stamp` and the transaction that last
 * wrote its row (`xmin`). Every change to a party's calendar, versions, counted windows or targets
 * bumps the stamp in its own transaction (slaSettingsChanged) and no SLA read comes between the
 * change and the bump, so a different pair means different settings; the writer's transaction
 * id tells a committed bump from one rolled back that left the same number.
 */
export interface SlaVersion {
  stamp: number;
  xmin: string;
}

/** The columns that give a party's SLA version, for a query on `parties` that reads it anyway. */
export const slaVersionColumns = { slaStamp: parties.slaStamp, slaXmin: sql<string>`${parties}.xmin::text` };

interface PartySla {
  version: string;
  calendars: CalendarRow[];
  versions: CalendarVersionRow[];
  windows: WindowRow[];
  targets: TargetRow[];
}

// A node's copy of each party's SLA settings, per database (one drizzle instance: the handle and
// all its transactions share its dialect object), checked against the party's version on every
// use, so a change made on any node is seen by all at their next read.
const partyCaches = new WeakMap<object, Map<string, PartySla>>();

function cacheOf(db: Db): Map<string, PartySla> {
  // A transaction is a new handle each time; the dialect is the database's own.
  const key = (db as unknown as { dialect: object }).dialect;
  let cache = partyCaches.get(key);
  if (!cache) partyCaches.set(key, (cache = new Map()));
  return cache;
}

async function loadParty(db: Db, partyId: string, version: string): Promise<PartySla> {
  // In sequence: `db` may be a transaction, one client that runs one query at a time.
  const cals = await db.select().from(calendars).where(eq(calendars.partyId, partyId));
  const versions = await db
    .select()
    .from(calendarVersions)
    .where(eq(calendarVersions.partyId, partyId))
    .orderBy(asc(calendarVersions.version));
  const windows = await db.select().from(maintenanceWindows).where(countedWindowsOf(partyId));
  const targets = await db.select().from(slaTargets).where(eq(slaTargets.partyId, partyId));
  return { version, calendars: cals, versions, windows, targets };
}

/** The SLA versions of some parties, built once per list of parties (a ticket read asks for its parties' at every read). */
const slaVersionsOf = preparedRead(
  (ids: string[]) => JSON.stringify(ids),
  (db, ids) =>
    db
      .select({ id: parties.id, stamp: parties.slaStamp, xmin: slaVersionColumns.slaXmin })
      .from(parties)
      .where(inArray(parties.id, ids)),
);

/**
 * Everything SLA clocks need for some parties: one small query for the parties' versions (none
 * for those whose version the caller read already, in the same transaction), and a reload only
 * for parties whose settings changed since this node last read them.
 */
export async function loadSlaData(
  db: Db,
  partyIds: string[],
  from: Date,
  to: Date,
  known: ReadonlyMap<string, SlaVersion> = new Map(),
) {
  const missing = partyIds.filter((id) => !known.has(id));
  const read = missing.length === 0 ? [] : await slaVersionsOf(db, missing);
  const versions = [...partyIds.flatMap((id) => (known.has(id) ? [{ id, ...known.get(id)! }] : [])), ...read];
  const data: PartySla[] = [];
  const partyCache = cacheOf(db);
  for (const { id, stamp, xmin } of versions) {
    const version = `${stamp}/${xmin}`;
    let cached = partyCache.get(id);
    if (!cached || cached.version !== version) {
      cached = await loadParty(db, id, version);
      partyCache.set(id, cached);
    }
    data.push(cached);
  }
  return {
    calendars: data.flatMap((d) => d.calendars),
    versions: data.flatMap((d) => d.versions),
    windows: data.flatMap((d) => d.windows).filter((w) => w.startsAt < to && w.endsAt > from),
    targets: data.flatMap((d) => d.targets),
  };
}
