import { eq } from 'drizzle-orm';
import type { Db } from '../../store/db.ts';
import { parties } from '../../store/schema/index.ts';
import { notifyParties, WHAT } from '../cbm/notify-parties.ts';
import { remindOnce } from '../cbm/remind-once.ts';
import { yearOfMeetings } from './read-meetings.ts';
import { MEETING_ORGANISERS } from './schedule-meeting.ts';

/**
 * CBM-6: when the year is heading below three meetings, the organisers of every local party are
 * warned, once per quarter (claimed by the `cbm_reminders` insert). Returns true when sent now.
 */
export async function remindMeetings(db: Db, now: Date): Promise<boolean> {
  const year = now.getUTCFullYear();
  const state = await yearOfMeetings(db, year, now);
  if (!state.warning) return false;
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const locals = (await db.select({ id: parties.id }).from(parties).where(eq(parties.kind, 'local'))).map((p) => p.id);
  return remindOnce(db, `meetings:${year}:Q${quarter}`, now, (tx) =>
    notifyParties(
      tx,
      {
        kind: 'cbm_due',
        parties: { only: locals },
        roles: MEETING_ORGANISERS,
        sensitivity: 'LIMITED',
        params: {
          ...WHAT.meeting,
          title: `${year}: ${state.held + state.planned} / 3`,
          dueAt: `${year}-12-31`,
          path: '/meetings',
        },
      },
      now,
    ),
  );
}
