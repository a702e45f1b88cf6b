import { z } from 'zod';
import { Sensitivity } from './schemas.ts';

/** A meeting between the parties (CBM-6). */
export const Meeting = z.object({
  id: z.uuid(),
  organiserParty: z.string(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  location: z.string(),
  agenda: z.string(),
  participants: z.array(z.object({ party: z.string(), name: z.string() })),
  minutes: z.string().nullable(),
  decisions: z.array(z.string()),
  sensitivity: Sensitivity,
  version: z.number().int(),
});
export const MeetingAction = z.object({
  id: z.uuid(),
  description: z.string(),
  party: z.string(),
  dueAt: z.iso.datetime().nullable(),
  doneAt: z.iso.datetime().nullable(),
  note: z.string().nullable(),
});
export const MeetingDetail = Meeting.extend({
  actions: z.array(MeetingAction),
  /** The linked exchanges the reader may read; the others are left out. */
  exchanges: z.array(z.object({ id: z.uuid(), title: z.string(), party: z.string() })),
});
/** This year's count of meetings held and planned, with the warning below three. */
export const MeetingYear = z.object({
  year: z.number().int(),
  held: z.number().int(),
  planned: z.number().int(),
  expectedByNow: z.number().int(),
  warning: z.boolean(),
});
/** `GET /meetings`: the meetings and this year's count. */
export const MeetingList = z.object({ items: z.array(Meeting), year: MeetingYear });
export type MeetingList = z.output<typeof MeetingList>;
export type Meeting = z.output<typeof Meeting>;
export type MeetingDetail = z.output<typeof MeetingDetail>;
export type MeetingYear = z.output<typeof MeetingYear>;
