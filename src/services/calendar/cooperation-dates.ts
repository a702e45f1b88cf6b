import type { Actor } from '../../domain/actor.ts';
import { confirmationDue, type ContactLevel } from '../../domain/contacts.ts';
import type { Db } from '../../store/db.ts';
import { confirmationsDueBetween, meetingsBetween } from '../../store/cooperation-dates.ts';

const MEETING_MS = 2 * 3_600_000;

export type CooperationDate =
  | { kind: 'meeting'; id: string; title: string; party: string; startsAt: Date; endsAt: Date; location: string }
  | { kind: 'contact_confirmation'; id: string; title: string; party: string; level: ContactLevel; dueAt: Date };

/**
 * COL-5: the dates of the cooperation between the parties in [from, to): expert meetings
 * (CBM-6) the reader's clearance covers, and the yearly confirmations of a party's points of
 * contact (CBM-1) falling due — the reader's own party's unless another is named.
 */
export async function cooperationDates(
  db: Db,
  actor: Actor,
  from: Date,
  to: Date,
  party = actor.party,
): Promise<CooperationDate[]> {
  const meetings = await meetingsBetween(db, actor, from, to);
  const contacts = await confirmationsDueBetween(db, actor, party, from, to);
  const dates: CooperationDate[] = [
    ...meetings.map((m) => ({
      kind: 'meeting' as const,
      id: m.id,
      title: m.title,
      party: m.organiserParty,
      startsAt: m.startsAt,
      endsAt: new Date(m.startsAt.getTime() + MEETING_MS),
      location: m.location,
    })),
    ...contacts.map((c) => ({
      kind: 'contact_confirmation' as const,
      id: c.id,
      title: c.name,
      party: c.partyId,
      level: c.level,
      dueAt: confirmationDue(c.confirmedAt),
    })),
  ];
  return dates.sort((a, b) => dateOf(a).getTime() - dateOf(b).getTime());
}

/** When a cooperation date is on the calendar. */
export function dateOf(d: CooperationDate): Date {
  return d.kind === 'meeting' ? d.startsAt : d.dueAt;
}
