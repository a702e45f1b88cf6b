import { describe, expect, it } from 'vitest';
import { isCidr, validateForm, type FormField } from './catalogue.ts';

const fields: FormField[] = [
  { key: 'cidr', label: { en: 'Block', fr: 'Bloc' }, type: 'cidr', required: true },
  { key: 'contact', label: { en: 'Contact', fr: 'Contact' }, type: 'email', required: false },
  { key: 'action', label: { en: 'Action', fr: 'Action' }, type: 'select', required: true, options: ['add', 'remove'] },
  { key: 'from', label: { en: 'From', fr: 'Du' }, type: 'date', required: false },
];

describe('catalogue forms', () => {
  it('reads IPv4 and IPv6 addresses and blocks', () => {
    expect(isCidr('192.0.2.0/24')).toBe(true);
    expect(isCidr('2001:db8::/32')).toBe(true);
    expect(isCidr('192.0.2.7')).toBe(true);
    expect(isCidr('192.0.2.0/33')).toBe(false);
    expect(isCidr('300.0.0.1')).toBe(false);
    expect(isCidr('10.0.0.0/8/1')).toBe(false);
  });

  it('keeps valid values and drops empty optional ones', () => {
    expect(validateForm(fields, { cidr: ' 10.1.0.0/16 ', action: 'add', contact: '' })).toEqual({
      ok: true,
      values: { cidr: '10.1.0.0/16', action: 'add' },
    });
  });

  it('names the first offending field and why', () => {
    expect(validateForm(fields, { action: 'add' })).toEqual({ ok: false, key: 'cidr', detail: 'required' });
    expect(validateForm(fields, { cidr: 'nope', action: 'add' })).toEqual({ ok: false, key: 'cidr', detail: 'cidr' });
    expect(validateForm(fields, { cidr: '10.0.0.1', action: 'drop' })).toEqual({
      ok: false,
      key: 'action',
      detail: 'option',
    });
    expect(validateForm(fields, { cidr: '10.0.0.1', action: 'add', contact: 'x@' })).toEqual({
      ok: false,
      key: 'contact',
      detail: 'email',
    });
    expect(validateForm(fields, { cidr: '10.0.0.1', action: 'add', from: '2026-02-31' })).toEqual({
      ok: false,
      key: 'from',
      detail: 'iso_date',
    });
    expect(validateForm(fields, { cidr: '10.0.0.1', action: 'add', from: '2026-99-99' })).toEqual({
      ok: false,
      key: 'from',
      detail: 'iso_date',
    });
    expect(validateForm(fields, { cidr: '10.0.0.1', action: 'add', extra: 'x' })).toEqual({
      ok: false,
      key: 'extra',
      detail: 'unknown_field',
    });
    expect(validateForm(fields, { cidr: 5, action: 'add' })).toEqual({ ok: false, key: 'cidr', detail: 'text' });
  });
});
