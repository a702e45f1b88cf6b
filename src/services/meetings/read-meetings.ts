import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { meetingYear } from '../../domain/meetings.ts';
import type { Db } from '../../store/db.ts';
import { expertMeetings, meetingActions } from '../../store/schema/index.ts';
import { newestVisibleSharedRecords, oneVisibleSharedRecord } from '../../store/shared-records.ts';
import { visibleExchangesAmong } from '../exchanges/read-exchanges.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';

export type MeetingRow = typeof expertMeetings.$inferSelect;
export type MeetingActionRow = typeof meetingActions.$inferSelect;

/** CBM-6: the meetings the actor may read, newest first. */
export async function listMeetings(ctx: ServiceContext): Promise<MeetingRow[]> {
  return newestVisibleSharedRecords(
    ctx.actor,
    expertMeetings,
    ctx.db.select().from(expertMeetings).$dynamic(),
    desc(expertMeetings.startsAt),
  );
}

/** CBM-6: a year's count — every meeting counts, whatever its level (the count says nothing of content). */
export async function yearOfMeetings(db: Db, year: number, now: Date) {
  const rows = await db
    .select({ startsAt: expertMeetings.startsAt })
    .from(expertMeetings)
    .where(
      and(
        gte(expertMeetings.startsAt, new Date(Date.UTC(year, 0, 1))),
        lt(expertMeetings.startsAt, new Date(Date.UTC(year + 1, 0, 1))),
      ),
    );
  return meetingYear(
    year,
    rows.map((r) => r.startsAt),
    now,
  );
}

export async function meetingSummary(ctx: ServiceContext, year?: number) {
  const now = nowOf(ctx);
  return yearOfMeetings(ctx.db, year ?? now.getUTCFullYear(), now);
}

/** One meeting the actor may read, or 404. */
export async function visibleMeeting(db: Db, ctx: ServiceContext, id: string): Promise<MeetingRow> {
  return oneVisibleSharedRecord(ctx.actor, expertMeetings, db.select().from(expertMeetings).$dynamic(), id);
}

/** A meeting with its action items and the linked exchanges the actor may read (others are left out). */
export async function getMeeting(ctx: ServiceContext, id: string) {
  const meeting = await visibleMeeting(ctx.db, ctx, id);
  const actions = await ctx.db
    .select()
    .from(meetingActions)
    .where(eq(meetingActions.meetingId, meeting.id))
    .orderBy(asc(meetingActions.createdAt));
  const exchanges = await visibleExchangesAmong(ctx.db, ctx, meeting.exchangeIds);
  return { meeting, actions, exchanges };
}
