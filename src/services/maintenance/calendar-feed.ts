import ical, { ICalEventStatus } from 'ical-generator';
import { and, arrayContains, eq, gt, inArray, or } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { findParty } from '../../store/directory.ts';
import { maintenanceWindows } from '../../store/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';

const PAST_MS = 90 * 86_400_000;

/**
 * COL-5: a party's maintenance calendar as iCalendar, times in UTC: its own windows and the
 * joint windows it takes part in (accepted: confirmed; proposed: tentative). Windows are
 * published to every party on the link; release references are not put in the feed.
 */
export async function maintenanceCalendar(db: Db, _actor: Actor, partyId: string, now: Date): Promise<string> {
  const party = await findParty(db, partyId);
  if (!party) throw new AppError('party.not_found');
  const rows = await db
    .select()
    .from(maintenanceWindows)
    .where(
      and(
        or(eq(maintenanceWindows.partyId, partyId), arrayContains(maintenanceWindows.partners, [partyId])),
        inArray(maintenanceWindows.status, ['scheduled', 'accepted', 'proposed']),
        gt(maintenanceWindows.endsAt, new Date(now.getTime() - PAST_MS)),
      ),
    );
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
  return calendar.toString();
}
