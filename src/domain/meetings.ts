/** CBM-6: at least three meetings of the designated experts a year. */
export const MEETINGS_PER_YEAR = 3;

export interface MeetingYear {
  year: number;
  held: number;
  planned: number;
  /** How many should have been held by now, the year spread evenly. */
  expectedByNow: number;
  /** The year is heading below three: not enough held and planned, or behind the pace with none planned. */
  warning: boolean;
}

/** The year's count of meetings, and whether it is heading below three. */
export function meetingYear(year: number, starts: readonly Date[], now: Date): MeetingYear {
  const inYear = starts.filter((d) => d.getUTCFullYear() === year);
  const held = inYear.filter((d) => d.getTime() <= now.getTime()).length;
  const planned = inYear.length - held;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
  const expectedByNow = Math.floor(MEETINGS_PER_YEAR * elapsed);
  const warning = held + planned < MEETINGS_PER_YEAR || (held < expectedByNow && planned === 0);
  return { year, held, planned, expectedByNow, warning };
}
