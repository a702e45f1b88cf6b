import { describe, expect, it } from 'vitest';
import { contactStatus } from './contacts.ts';
import { summaryReminderDue } from './exchanges.ts';
import { meetingYear } from './meetings.ts';
import { consultationOverdue } from './processes.ts';
import { securityTxtFile } from './security-txt.ts';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

describe('cooperation rules (CBM)', () => {
  it('ages a contact from current to due soon (30 days before its year ends) to stale', () => {
    const confirmed = at('2026-01-01T00:00:00Z');
    expect(contactStatus(confirmed, new Date(confirmed.getTime() + 334 * DAY))).toBe('current');
    expect(contactStatus(confirmed, new Date(confirmed.getTime() + 336 * DAY))).toBe('due_soon');
    expect(contactStatus(confirmed, new Date(confirmed.getTime() + 365 * DAY))).toBe('stale');
  });

  it('warns when the year is heading below three meetings', () => {
    const mid = at('2026-07-01T00:00:00Z');
    expect(meetingYear(2026, [at('2026-02-01T00:00:00Z')], mid)).toMatchObject({ held: 1, planned: 0, warning: true });
    const three = [at('2026-02-01T00:00:00Z'), at('2026-09-01T00:00:00Z'), at('2026-11-01T00:00:00Z')];
    expect(meetingYear(2026, three, mid)).toMatchObject({ held: 1, planned: 2, warning: false });
    // A meeting of another year does not count.
    expect(meetingYear(2026, [at('2025-03-01T00:00:00Z')], at('2026-12-01T00:00:00Z')).warning).toBe(true);
  });

  it('names the first deadline a consultation missed', () => {
    const d = {
      acknowledgeBy: '2026-01-02T00:00:00Z',
      answerBy: '2026-01-05T00:00:00Z',
      acknowledgedAt: null,
      answeredAt: null,
    };
    expect(consultationOverdue(d, Date.parse('2026-01-01T00:00:00Z'))).toBeNull();
    expect(consultationOverdue(d, Date.parse('2026-01-03T00:00:00Z'))).toBe('acknowledgement');
    expect(consultationOverdue({ ...d, acknowledgedAt: 'x' }, Date.parse('2026-01-03T00:00:00Z'))).toBeNull();
    expect(consultationOverdue({ ...d, acknowledgedAt: 'x' }, Date.parse('2026-01-06T00:00:00Z'))).toBe('answer');
  });

  it('reminds of the yearly summary from 45 days before 30 November', () => {
    expect(summaryReminderDue(at('2026-10-15T00:00:00Z'))).toBe(false);
    expect(summaryReminderDue(at('2026-10-17T00:00:00Z'))).toBe(true);
  });

  it('writes one RFC 9116 file: every live party’s contacts, one Expires (the earliest), none when all lapsed', () => {
    const fields = (contacts: string[], expires: string) => ({
      contacts,
      expires,
      encryption: [],
      policy: [],
      acknowledgments: [],
      preferredLanguages: ['en'],
    });
    const now = at('2026-06-01T00:00:00Z');
    const text = securityTxtFile(
      [
        { party: 'CH', fields: fields(['mailto:ch@x.example'], '2027-01-01T00:00:00Z') },
        { party: 'EU', fields: fields(['mailto:eu@x.example'], '2026-12-01T00:00:00Z') },
        { party: 'OLD', fields: fields(['mailto:old@x.example'], '2026-01-01T00:00:00Z') },
      ],
      now,
    )!;
    expect(text).toContain('Contact: mailto:ch@x.example\n');
    expect(text).toContain('Contact: mailto:eu@x.example\n');
    expect(text).not.toContain('old@');
    expect(text.match(/^Expires: .*$/gm)).toEqual(['Expires: 2026-12-01T00:00:00Z']);
    expect(text.match(/^Preferred-Languages: .*$/gm)).toEqual(['Preferred-Languages: en']);
    expect(
      securityTxtFile([{ party: 'OLD', fields: fields(['mailto:o@x.example'], '2026-01-01T00:00:00Z') }], now),
    ).toBeNull();
  });
});
