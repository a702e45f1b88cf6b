import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { assertOwnRecord } from '../../policies/shared-records.ts';
import { findParty } from '../../store/directory.ts';
import { meetingActions } from '../../store/schema/index.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { visibleMeeting } from './read-meetings.ts';
import { MEETING_ORGANISERS } from './schedule-meeting.ts';

/** CBM-6: the organising party records an action item given to a party at the meeting. */
export async function addActionItem(
  ctx: ServiceContext,
  id: string,
  input: { description: string; party: string; dueAt?: string | undefined },
) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const meeting = await visibleMeeting(tx, ctx, id);
    assertOwnRecord(ctx.actor, { partyId: meeting.organiserParty }, MEETING_ORGANISERS);
    if (!(await findParty(tx, input.party))) throw new AppError('party.not_found', 'party');
    const [row] = await tx
      .insert(meetingActions)
      .values({
        id: randomUUID(),
        meetingId: meeting.id,
        description: input.description,
        party: input.party,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        createdAt: now,
      })
      .returning();
    return row!;
  });
}
