import { CALENDAR_WINDOW_STATUSES } from '../../../domain/maintenance-clock.ts';
import type { CooperationDate, MaintenanceWindow, PlannedItem } from '../../../contract/services.ts';

export type CalendarItemKind =
  'maintenance' | 'joint_window' | 'change' | 'release' | 'meeting' | 'contact_confirmation';

/** One thing on the month or week view; `id` is the one its iCalendar event carries (`<id>@passerelle`). */
export interface CalendarItem {
  id: string;
  kind: CalendarItemKind;
  title: string;
  party: string;
  start: Date;
  /** Null for a whole-day date (a contact to confirm by that day). */
  end: Date | null;
  /** The console page of the item, when it has one. */
  path: string | null;
  /** A tentative item: a proposed joint window, a release whose joint window is only proposed. */
  tentative: boolean;
}

const fromWindow = (w: MaintenanceWindow): CalendarItem => ({
  id: w.id,
  kind: w.joint ? 'joint_window' : 'maintenance',
  title: w.joint ? `${w.title} (${[w.party, ...w.partners].join(', ')})` : w.title,
  party: w.party,
  start: new Date(w.startsAt),
  end: new Date(w.endsAt),
  path: w.releaseRef ? `/tickets/${w.releaseRef}` : null,
  tentative: w.status === 'proposed',
});

const fromWork = (item: PlannedItem): CalendarItem => ({
  id: item.id,
  kind: item.kind,
  title: `${item.ref} — ${item.title}`,
  party: item.ownerParty,
  start: new Date(item.startsAt),
  end: new Date(item.endsAt),
  path: `/tickets/${item.ref}`,
  tentative: item.jointWindow === 'proposed' || item.jointWindow === 'refused',
});

const fromDate = (d: CooperationDate): CalendarItem =>
  d.kind === 'meeting'
    ? {
        id: d.id,
        kind: 'meeting',
        title: d.title,
        party: d.party,
        start: new Date(d.startsAt),
        end: new Date(d.endsAt),
        path: `/meetings/${d.id}`,
        tentative: false,
      }
    : {
        id: `${d.id}-confirmation`,
        kind: 'contact_confirmation',
        title: d.title,
        party: d.party,
        start: new Date(d.dueAt),
        end: null,
        path: '/contacts',
        tentative: false,
      };

/**
 * COL-5: what a party's calendar holds, the same as its iCalendar feed
 * (src/services/maintenance/calendar-feed.ts): its maintenance windows and the joint windows it is
 * in (refused or withdrawn ones left out), the changes and releases it takes part in, joint window
 * or not, the expert meetings and its contacts to confirm. In start order.
 */
export function calendarItems(
  windows: MaintenanceWindow[],
  work: PlannedItem[],
  dates: CooperationDate[],
): CalendarItem[] {
  return [
    ...windows.filter((w) => CALENDAR_WINDOW_STATUSES.includes(w.status)).map(fromWindow),
    ...work.map(fromWork),
    ...dates.map(fromDate),
  ].sort((a, b) => a.start.getTime() - b.start.getTime());
}
