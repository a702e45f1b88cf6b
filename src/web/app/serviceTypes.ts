/** Shapes of the service-level, notification and report API (docs/api-contract.md) as the console reads them. */

import type { ComplianceDetail, ComplianceRow } from '../../services/reports/compliance-report.ts';
import type { NotificationKind } from '../../domain/notifications.ts';

export type { ComplianceDetail, ComplianceRow };
// One list of kinds for the server and the console.
export { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/notifications.ts';

export interface AppNotification {
  id: string;
  kind: string;
  ticketRef: string | null;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unread: number;
  items: AppNotification[];
}

export interface NotificationPref {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

/** Opening hours of one weekday: [startMin, endMin] intervals in minutes from midnight. */
export type DayHours = [number, number][];

export interface CalendarVersion {
  version: number;
  effectiveFrom: string;
  /** Seven days, index 0 = Sunday. */
  weekly: DayHours[];
  holidays: string[];
  extraClosures: string[];
  onCallPriorities: string[];
  createdAt: string;
}

export interface PartyCalendar {
  party: string;
  timeZone: string;
  country: string;
  region: string | null;
  warnPct: number;
  versions: CalendarVersion[];
}

export interface ComplianceReport {
  party: string;
  month: string;
  timeZone: string;
  rows: ComplianceRow[];
  details?: ComplianceDetail[];
}

export interface AvailabilityRow {
  service: string;
  outages: number;
  downtimeMs: number;
  availabilityPct: number;
  targetPct: number | null;
  met: boolean | null;
}

export interface AvailabilityReport {
  party: string;
  month: string;
  rows: AvailabilityRow[];
}

export interface Outage {
  id: string;
  service: string;
  detectedAt: string | null;
  reportedAt: string | null;
  restoredAt: string | null;
  ticketId: string | null;
}

export interface MaintenanceWindow {
  id: string;
  party: string;
  title: string;
  service: string | null;
  startsAt: string;
  endsAt: string;
}
