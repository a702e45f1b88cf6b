import { and, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { assertOwnRecord } from '../../policies/shared-records.ts';
import { expertMeetings } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { linkableExchanges } from './linkable-exchanges.ts';
import { visibleMeeting } from './read-meetings.ts';
import { MEETING_ORGANISERS } from './schedule-meeting.ts';

/** CBM-6: the organising party records the minutes, the decisions and the exchanges discussed. */
export async function recordMinutes(
  ctx: ServiceContext,
  id: string,
  input: { minutes: string; decisions: string[]; exchangeIds?: string[] | undefined; version?: number | undefined },
) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const meeting = await visibleMeeting(tx, ctx, id);
    assertOwnRecord(ctx.actor, { partyId: meeting.organiserParty }, MEETING_ORGANISERS);
    if (input.version !== undefined && input.version !== meeting.version)
      throw new AppError('cbm.version_conflict', 'version', { current: meeting.version });
    // Links the actor cannot read are kept as they were; the ones given must be readable.
    const given = await linkableExchanges(tx, ctx, input.exchangeIds ?? []);
    const exchangeIds = [...new Set([...meeting.exchangeIds, ...given])];
    const [row] = await tx
      .update(expertMeetings)
      .set({ minutes: input.minutes, decisions: input.decisions, exchangeIds, version: meeting.version + 1 })
      .where(and(eq(expertMeetings.id, meeting.id), eq(expertMeetings.version, meeting.version)))
      .returning();
    if (!row) throw new AppError('cbm.version_conflict', 'version', { current: meeting.version + 1 });
    await writeAudit(
      tx,
      { actorId: ctx.actor.id, party: ctx.actor.party, action: 'meeting.minutes', targetId: row.id },
      now,
    );
    return row;
  });
}
