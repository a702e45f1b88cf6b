import { CONTACT_LEVELS } from '../domain/contacts.ts';
import { WINDOW_STATUSES } from '../domain/maintenance-clock.ts';
import { NOTIFICATION_KINDS } from '../domain/notifications.ts';
import { z } from 'zod';

/** Service-level shapes: calendars, maintenance windows, outages, reports, notification preferences. */

export const IsoDate = z.iso.date();

export const Interval = z.tuple([z.number().int().min(0).max(1440), z.number().int().min(0).max(1440)]);

export const Weekly = z.array(z.array(Interval).max(4)).length(7);

export const CalendarVersion = z.object({
  version: z.number().int(),
  effectiveFrom: IsoDate,
  weekly: Weekly,
  holidays: z.array(IsoDate),
  extraClosures: z.array(IsoDate),
  onCallPriorities: z.array(z.string()),
  createdAt: z.iso.datetime(),
});

export const PartyCalendar = z.object({
  party: z.string(),
  timeZone: z.string(),
  country: z.string(),
  region: z.string().nullable(),
  warnPct: z.number().int(),
  versions: z.array(CalendarVersion),
});

export const MaintenanceWindow = z.object({
  id: z.uuid(),
  party: z.string(),
  title: z.string(),
  service: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  joint: z.boolean(),
  partners: z.array(z.string()),
  status: z.enum(WINDOW_STATUSES),
  releaseRef: z.string().nullable(),
});

export const Outage = z.object({
  id: z.uuid(),
  service: z.string(),
  detectedAt: z.iso.datetime().nullable(),
  reportedAt: z.iso.datetime().nullable(),
  restoredAt: z.iso.datetime().nullable(),
  ticketId: z.uuid().nullable(),
});

export const ComplianceReport = z.object({
  party: z.string(),
  month: z.string(),
  timeZone: z.string(),
  rows: z.array(
    z.object({
      type: z.enum(['incident', 'request']),
      priority: z.string(),
      tickets: z.number().int(),
      withinTarget: z.number().int(),
      pct: z.number().nullable(),
      objectivePct: z.number(),
      met: z.boolean().nullable(),
      pending: z.number().int(),
    }),
  ),
  details: z
    .array(
      z.object({
        ref: z.string(),
        type: z.string(),
        priority: z.string(),
        openedAt: z.string(),
        firstInterventionAt: z.string().nullable(),
        elapsedMs: z.number(),
        targetMs: z.number(),
        within: z.boolean().nullable(),
      }),
    )
    .optional(),
});

export const AvailabilityReport = z.object({
  party: z.string(),
  month: z.string(),
  rows: z.array(
    z.object({
      service: z.string(),
      outages: z.number().int(),
      downtimeMs: z.number(),
      availabilityPct: z.number(),
      targetPct: z.number().nullable(),
      met: z.boolean().nullable(),
    }),
  ),
});

export const NotificationPref = z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() });

/** One in-app notification (`GET /notifications`). */
export const AppNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  ticketRef: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export const NotificationList = z.object({ unread: z.number().int(), items: z.array(AppNotification) });

export type CalendarVersion = z.output<typeof CalendarVersion>;
/** Opening hours of one weekday: [startMin, endMin] intervals in minutes from midnight. */
export type DayHours = CalendarVersion['weekly'][number];
export type PartyCalendar = z.output<typeof PartyCalendar>;
export type MaintenanceWindow = z.output<typeof MaintenanceWindow>;
export type Outage = z.output<typeof Outage>;
export type ComplianceReport = z.output<typeof ComplianceReport>;
export type ComplianceRow = ComplianceReport['rows'][number];
export type ComplianceDetail = NonNullable<ComplianceReport['details']>[number];
export type AvailabilityReport = z.output<typeof AvailabilityReport>;
export type NotificationPref = z.output<typeof NotificationPref>;
export type AppNotification = z.output<typeof AppNotification>;
export type NotificationList = z.output<typeof NotificationList>;

/** COL-5: a change or release on the calendar, with or without a joint window. */
export const PlannedItem = z.object({
  kind: z.enum(['change', 'release']),
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  status: z.string(),
  ownerParty: z.string(),
  parties: z.array(z.string()),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  source: z
    .enum(['assessment', 'joint_window', 'changes', 'deployment'])
    .describe(
      "Where the dates come from: the change's assessment, the release's joint window, its changes, its deployment",
    ),
  jointWindow: z.enum(['proposed', 'accepted', 'refused']).nullable(),
});
export type PlannedItem = z.output<typeof PlannedItem>;

/** COL-5: a date of the cooperation on the calendar: an expert meeting (CBM-6) or a contact's yearly confirmation (CBM-1). */
export const CooperationDate = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('meeting'),
    id: z.uuid(),
    title: z.string(),
    party: z.string().describe('The organising party'),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    location: z.string(),
  }),
  z.object({
    kind: z.literal('contact_confirmation'),
    id: z.uuid(),
    title: z.string().describe("The contact's name"),
    party: z.string(),
    level: z.enum(CONTACT_LEVELS),
    dueAt: z.iso.datetime(),
  }),
]);
export type CooperationDate = z.output<typeof CooperationDate>;

/** `POST /me/calendar-feed`: the personal iCalendar feed's address and its token (shown once). */
export const CalendarFeed = z.object({ url: z.string(), token: z.string() });
export type CalendarFeed = z.output<typeof CalendarFeed>;
