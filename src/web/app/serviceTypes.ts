/** Shapes of the service-level, notification and report API (docs/api-contract.md) as the console reads them. */

export const NOTIFICATION_KINDS = [
  'ticket_recorded',
  'assigned',
  'transferred',
  'escalated',
  'approval_needed',
  'sla_warning',
  'sla_breached',
  'awaiting_verification',
  'closed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

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

export interface ComplianceRow {
  type: 'incident' | 'request';
  priority: string;
  tickets: number;
  withinTarget: number;
  pct: number | null;
  objectivePct: number;
  met: boolean | null;
  pending: number;
}

export interface ComplianceDetail {
  ref: string;
  type: string;
  priority: string;
  openedAt: string;
  firstInterventionAt: string | null;
  elapsedMs: number;
  targetMs: number;
  within: boolean | null;
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
