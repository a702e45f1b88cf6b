import { randomUUID } from 'node:crypto';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { expertMeetings } from '../../store/schema/index.ts';
import { SHARED_RECORDS, shareNewRecord } from '../cbm/share-record.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { linkableExchanges } from './linkable-exchanges.ts';

export const MEETING_ORGANISERS = SHARED_RECORDS.meeting.roles;

export interface ScheduleMeetingInput {
  title: string;
  startsAt: string;
  location: string;
  agenda: string;
  participants: { party: string; name: string }[];
  exchangeIds?: string[] | undefined;
  sensitivity?: Sensitivity | undefined;
}

/** CBM-6: the actor's party schedules a meeting of the experts with its agenda and participants. */
export async function scheduleMeeting(ctx: ServiceContext, input: ScheduleMeetingInput) {
  return shareNewRecord(ctx, 'meeting', input.sensitivity, async (tx, sensitivity, now) => {
    const exchangeIds = await linkableExchanges(tx, ctx, input.exchangeIds ?? []);
    const [row] = await tx
      .insert(expertMeetings)
      .values({
        id: randomUUID(),
        organiserParty: ctx.actor.party,
        title: input.title,
        startsAt: new Date(input.startsAt),
        location: input.location,
        agenda: input.agenda,
        participants: input.participants,
        decisions: [],
        exchangeIds,
        sensitivity,
        createdAt: now,
      })
      .returning();
    return row!;
  });
}
