/** CBM-1: the levels a party names contacts for (SNC 7.6.2: the out-of-hours on-call contact). */
export const CONTACT_LEVELS = ['incident_structure', 'technical', 'policy', 'decision', 'on_call'] as const;
export type ContactLevel = (typeof CONTACT_LEVELS)[number];

/** The channels a contact is reached by; `desk` is the party's desk in Passerelle. */
export const CONTACT_CHANNELS = ['phone', 'email', 'desk'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

const DAY = 86_400_000;
/** Each entry is confirmed every year (CBM 8). */
export const CONFIRMATION_DAYS = 365;
/** Reminders start this long before an entry lapses. */
export const REMINDER_DAYS = 30;

export type ContactStatus = 'current' | 'due_soon' | 'stale';

/** When an entry confirmed at `confirmedAt` lapses. */
export function confirmationDue(confirmedAt: Date): Date {
  return new Date(confirmedAt.getTime() + CONFIRMATION_DAYS * DAY);
}

/** Whether an entry is current, due for confirmation within the reminder period, or stale (lapsed). */
export function contactStatus(confirmedAt: Date, now: Date): ContactStatus {
  const due = confirmationDue(confirmedAt).getTime();
  if (due <= now.getTime()) return 'stale';
  if (due - REMINDER_DAYS * DAY <= now.getTime()) return 'due_soon';
  return 'current';
}

/** How a contact is reached, as one line for a timeline or a notification. */
export function contactLine(c: {
  name: string;
  structure: string;
  phone: string | null;
  email: string | null;
}): string {
  return [`${c.name} (${c.structure})`, c.phone, c.email].filter(Boolean).join(' — ');
}
