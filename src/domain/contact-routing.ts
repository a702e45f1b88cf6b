import { contactStatus, type ContactChannel, type ContactLevel } from './contacts.ts';
import type { NotificationKind } from './notifications.ts';
import { sensitivityRank, type Sensitivity } from './sensitivity.ts';

/**
 * CBM-1: which notifications must reach another party's point of contact, and at which level of
 * the directory. `holder`: the party that now holds the ticket; `awaited`: the parties named on
 * the event (a security alert's parties). `outOfHoursOnly`: in the party's business hours its
 * desk already handles it (the SLA alerts), so the directory is read only outside them.
 */
export interface ContactRoute {
  level: ContactLevel;
  parties: 'holder' | 'awaited';
  outOfHoursOnly?: boolean;
}

export const CONTACT_ROUTES: Partial<Record<NotificationKind, ContactRoute>> = {
  transferred: { level: 'technical', parties: 'holder' },
  security_incident: { level: 'incident_structure', parties: 'awaited' },
  sla_warning: { level: 'technical', parties: 'holder', outOfHoursOnly: true },
  sla_breached: { level: 'technical', parties: 'holder', outOfHoursOnly: true },
};

/** Records shared with every other party (CBM-3, CBM-4): the level of the directory they reach. */
export const SHARED_RECORD_LEVELS = { exchange: 'policy', vulnerability: 'technical' } as const satisfies Record<
  string,
  ContactLevel
>;
export type SharedRecordKind = keyof typeof SHARED_RECORD_LEVELS;

/** A consultation (CBM-5) is a matter for the consulted party's policy level. */
export const CONSULTATION_LEVEL: ContactLevel = 'policy';

/**
 * The level to reach at a party: the route's own in business hours, the out-of-hours on-call
 * contact (SNC 7.6.2) outside them; null when the route is for out of hours only and the party
 * is open.
 */
export function levelToReach(
  route: Pick<ContactRoute, 'level' | 'outOfHoursOnly'>,
  open: boolean,
): ContactLevel | null {
  if (open) return route.outOfHoursOnly ? null : route.level;
  return 'on_call';
}

export interface DirectoryEntry {
  id: string;
  name: string;
  structure: string;
  phone: string | null;
  email: string | null;
  channels: ContactChannel[];
  sensitivity: Sensitivity;
  confirmedAt: Date;
}

/**
 * The entry to reach among a party's entries at one level (not removed): the most recently
 * confirmed current one; otherwise the most recently confirmed lapsed one, returned as `stale`
 * so the notification flags it and falls back to the party's desk. Only entries no more
 * sensitive than the ticket count: everyone told about the ticket may read what is said of them.
 */
export function pickContact<T extends DirectoryEntry>(
  entries: T[],
  ticketSensitivity: Sensitivity,
  now: Date,
): { contact: T | null; stale: T | null } {
  const usable = entries
    .filter((e) => sensitivityRank(e.sensitivity) <= sensitivityRank(ticketSensitivity))
    .sort((a, b) => b.confirmedAt.getTime() - a.confirmedAt.getTime());
  const live = usable.find((e) => contactStatus(e.confirmedAt, now) !== 'stale');
  if (live) return { contact: live, stale: null };
  return { contact: null, stale: usable[0] ?? null };
}

/**
 * What an address outside Passerelle may be told about a ticket. It has no account, hence no
 * clearance and no team: it is treated as cleared for the lowest level only. It always learns
 * the reference (which says nothing of the content) and what happened, and the title only when
 * every person of its party on the ticket may read it — the lowest level and no team restriction.
 * Descriptions, comments and names are never mailed to it.
 */
export function titleForOutsider(record: { sensitivity: Sensitivity; team?: readonly string[] | null }): boolean {
  return sensitivityRank(record.sensitivity) === 0 && (record.team ?? null) === null;
}
