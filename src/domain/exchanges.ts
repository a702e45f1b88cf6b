/** CBM-3: what a party submits to the others. */
export const EXCHANGE_KINDS = ['threats', 'strategy', 'policy', 'measures', 'yearly_summary'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

/** The yearly summary is due on this day (month 1–12, day) of the year it covers. */
export const SUMMARY_DUE = { month: 11, day: 30 } as const;
/** Reminders start this many days before. */
export const SUMMARY_REMINDER_DAYS = 45;

export function summaryDue(year: number): Date {
  return new Date(Date.UTC(year, SUMMARY_DUE.month - 1, SUMMARY_DUE.day, 23, 59, 59));
}

/** True when the reminder period of `year`'s summary has started at `now`. */
export function summaryReminderDue(now: Date): boolean {
  const due = summaryDue(now.getUTCFullYear()).getTime();
  return now.getTime() >= due - SUMMARY_REMINDER_DAYS * 86_400_000;
}
