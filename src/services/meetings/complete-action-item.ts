import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/identifiers.ts';
import { assertOwnRecord } from '../../policies/shared-records.ts';
import { meetingActions } from '../../store/schema/index.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { visibleMeeting } from './read-meetings.ts';

/** CBM-6: the party an action item was given to reports it done. */
export async function completeActionItem(
  ctx: ServiceContext,
  id: string,
  actionId: string,
  input: { note?: string | undefined },
) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const meeting = await visibleMeeting(tx, ctx, id);
    if (!isUuid(actionId)) throw new AppError('cbm.not_found');
    const [item] = await tx
      .select()
      .from(meetingActions)
      .where(and(eq(meetingActions.id, actionId), eq(meetingActions.meetingId, meeting.id)));
    if (!item) throw new AppError('cbm.not_found');
    assertOwnRecord(ctx.actor, { partyId: item.party }, ['agent', 'level_manager', 'security_officer', 'party_admin']);
    const [row] = await tx
      .update(meetingActions)
      .set({ doneAt: now, doneById: ctx.actor.id, note: input.note ?? null })
      .where(and(eq(meetingActions.id, item.id), isNull(meetingActions.doneAt)))
      .returning();
    if (!row) throw new AppError('cbm.state_invalid', undefined, { state: 'done' });
    return row;
  });
}
