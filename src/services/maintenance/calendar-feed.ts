import ical, { ICalEventStatus } from 'ical-generator';
import { AppError } from '../../domain/errors.ts';
import { cooperationDates } from '../calendar/cooperation-dates.ts';
import { plannedWork } from '../calendar/planned-work.ts';
import type { Db } from '../../store/db.ts';
import { findParty } from '../../store/directory.ts';
import { CALENDAR_WINDOW_STATUSES } from '../../domain/maintenance-clock.ts';
import { listMaintenance } from '../sla/maintenance-windows.ts';
import type { Actor } from '../../domain/actor.ts';

const PAST_MS = 90 * 86_400_000;
const FUTURE_MS = 730 * 86_400_000;

/**
 * COL-5: a party's maintenance calendar as iCalendar, times in UTC, the same items as the console's
 * month and week views of that party: its own windows and the joint windows it takes part in
 * (accepted: confirmed; proposed: tentative; refused and withdrawn ones left out), then the changes
 * and releases of that party which the feed's owner may see (`plannedWork`, the ticket rule),
 * whether or not they have a joint window, expert meetings and contact confirmations falling due.
 * Windows are published to every party on the link.
 */
export async function maintenanceCalendar(db: Db, actor: Actor, partyId: string, now: Date): Promise<string> {
  const party = await findParty(db, partyId);
  if (!party) throw new AppError('party.not_found');
  const from = new Date(now.getTime() - PAST_MS);
  const to = new Date(now.getTime() + FUTURE_MS);
  // The same windows as the console's calendar views of the party (its own and the joint ones it is in).
  const rows = (await listMaintenance(db, actor, [partyId], from, to))
    .map((row) => row.window)
    .filter((w) => CALENDAR_WINDOW_STATUSES.includes(w.status));
  const calendar = ical({
    name: `Passerelle — ${party.name} maintenance`,
    prodId: { company: 'Passerelle', product: 'maintenance', language: 'EN' },
  });
  for (const w of rows) {
    const parties = [w.partyId, ...w.partners].join(', ');
    calendar.createEvent({
      id: `${w.id}@passerelle`,
      start: w.startsAt,
      end: w.endsAt,
      stamp: w.createdAt,
      summary: w.joint ? `[${parties}] ${w.title}` : `[${w.partyId}] ${w.title}`,
      description: `${w.service ?? '*'} — ${w.joint ? `joint window (${w.status})` : 'maintenance window'}`,
      status: w.status === 'proposed' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  const work = await plannedWork(db, actor, from, to, partyId);
  for (const item of work) {
    const window = item.jointWindow ? `joint window ${item.jointWindow}` : 'no joint window';
    calendar.createEvent({
      id: `${item.id}@passerelle`,
      start: item.startsAt,
      end: item.endsAt,
      stamp: now,
      summary: `[${item.parties.join(', ')}] ${item.kind === 'change' ? 'Change' : 'Release'} ${item.ref}: ${item.title}`,
      description: `${item.kind} ${item.ref} (${item.status}) — ${window}`,
      status:
        item.jointWindow === 'accepted' || item.jointWindow === null
          ? ICalEventStatus.CONFIRMED
          : ICalEventStatus.TENTATIVE,
    });
  }
  // CBM-6 meetings the feed's owner may read, and the party's contact confirmations falling due (CBM-1).
  const dates = await cooperationDates(db, actor, from, to, partyId);
  for (const d of dates)
    calendar.createEvent(
      d.kind === 'meeting'
        ? {
            id: `${d.id}@passerelle`,
            start: d.startsAt,
            end: d.endsAt,
            stamp: now,
            summary: `Expert meeting: ${d.title}`,
            description: `Organised by ${d.party} — ${d.location}`,
          }
        : {
            id: `${d.id}-confirmation@passerelle`,
            start: d.dueAt,
            allDay: true,
            stamp: now,
            summary: `Confirm contact: ${d.title} (${d.level})`,
            description: `${d.party}: yearly confirmation of a point of contact (CBM-1)`,
          },
    );
  return calendar.toString();
}
