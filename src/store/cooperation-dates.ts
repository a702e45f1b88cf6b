import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { CONFIRMATION_DAYS } from '../domain/contacts.ts';
import type { Actor } from '../domain/actor.ts';
import { sharedRecordVisibleTo } from '../policies/shared-records.ts';
import type { Db } from './db.ts';
import { contactPoints, expertMeetings } from './schema/index.ts';

const DAY = 86_400_000;

/** Expert meetings (CBM-6) starting in [from, to) that the reader's clearance covers. */
export async function meetingsBetween(db: Db, actor: Actor, from: Date, to: Date) {
  return db
    .select({
      id: expertMeetings.id,
      title: expertMeetings.title,
      startsAt: expertMeetings.startsAt,
      organiserParty: expertMeetings.organiserParty,
      location: expertMeetings.location,
    })
    .from(expertMeetings)
    .where(
      and(
        sharedRecordVisibleTo(actor, expertMeetings.sensitivity),
        gte(expertMeetings.startsAt, from),
        lt(expertMeetings.startsAt, to),
      ),
    )
    .orderBy(asc(expertMeetings.startsAt));
}

/** A party's points of contact (CBM-1) whose yearly confirmation falls due in [from, to), within the reader's clearance. */
export async function confirmationsDueBetween(db: Db, actor: Actor, party: string, from: Date, to: Date) {
  const shift = CONFIRMATION_DAYS * DAY;
  return db
    .select({
      id: contactPoints.id,
      name: contactPoints.name,
      level: contactPoints.level,
      partyId: contactPoints.partyId,
      confirmedAt: contactPoints.confirmedAt,
    })
    .from(contactPoints)
    .where(
      and(
        eq(contactPoints.partyId, party),
        sharedRecordVisibleTo(actor, contactPoints.sensitivity),
        gte(contactPoints.confirmedAt, new Date(from.getTime() - shift)),
        lt(contactPoints.confirmedAt, new Date(to.getTime() - shift)),
      ),
    )
    .orderBy(asc(contactPoints.confirmedAt));
}
