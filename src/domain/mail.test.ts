import { describe, expect, it } from 'vitest';
import { automaticReason, referencedIds, refsInSubject, replySubject, sanitizeFileName } from './mail.ts';

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe('mail rules (COL-2)', () => {
  it('recognises automatic mail by its headers and senders, and lets a person’s mail through', () => {
    expect(automaticReason(headers({ 'auto-submitted': 'auto-replied' }), 'a@b.test')).toBe('auto_submitted');
    expect(automaticReason(headers({ 'auto-submitted': 'no' }), 'a@b.test')).toBeNull();
    expect(automaticReason(headers({ precedence: 'Bulk' }), 'a@b.test')).toBe('precedence');
    expect(automaticReason(headers({ precedence: 'junk' }), 'a@b.test')).toBe('precedence');
    expect(automaticReason(headers({ 'x-auto-response-suppress': 'All' }), 'a@b.test')).toBe('auto_response_suppress');
    expect(automaticReason(headers({ 'list-id': '<l.b.test>' }), 'a@b.test')).toBe('mailing_list');
    expect(automaticReason(headers({}), 'mailer-daemon@b.test')).toBe('system_sender');
    expect(automaticReason(headers({}), 'postmaster@b.test')).toBe('system_sender');
    expect(
      automaticReason(headers({ 'content-type': 'multipart/report; report-type=delivery-status' }), 'x@b.test'),
    ).toBe('delivery_report');
    expect(automaticReason(headers({}), '')).toBe('no_sender');
    expect(automaticReason(headers({ precedence: 'first-class' }), 'anna@b.test')).toBeNull();
  });

  it('finds ticket references in a subject and Message-IDs in In-Reply-To / References, nearest first', () => {
    expect(refsInSubject('Re: [EU-INC-2026-000042] link down (see CH-PRB-2026-000001)')).toEqual([
      'EU-INC-2026-000042',
      'CH-PRB-2026-000001',
    ]);
    expect(refsInSubject('EU-INC-26-42 is not one')).toEqual([]);
    expect(referencedIds('<c@x>', '<a@x> <b@x> <c@x>')).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(referencedIds(undefined, ['<a@x>', 'junk'])).toEqual(['<a@x>']);
  });

  it('makes file names safe and keeps a subject’s reference once', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\x\\a<b>.txt')).toBe('a_b_.txt');
    expect(sanitizeFileName('..')).toBe('attachment');
    expect(sanitizeFileName('a\u0000b.txt')).toBe('a_b.txt');
    expect(sanitizeFileName(`${'x'.repeat(200)}.pdf`)).toMatch(/^x{116}\.pdf$/);
    expect(replySubject('EU-INC-2026-000001', 'Re: RE: [EU-INC-2026-000001] Help')).toBe(
      'Re: [EU-INC-2026-000001] Help',
    );
  });
});
