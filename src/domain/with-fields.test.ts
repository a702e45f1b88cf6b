import { describe, expect, it } from 'vitest';
import { withFields } from './with-fields.ts';

describe('withFields', () => {
  it('gives what a spread gives, on the object it was handed', () => {
    const base = { id: 't1', status: 'recorded', sla: null as string | null };
    const expected = { ...base, status: 'resolved', sla: 'met', version: 2 };
    const result = withFields(base, { status: 'resolved', sla: 'met', version: 2 });
    expect(result).toBe(base);
    expect(result).toEqual(expected);
    expect(Object.keys(result)).toEqual(['id', 'status', 'sla', 'version']);
  });

  it('copies nothing from an empty object, and keeps undefined and null values', () => {
    const base = { a: 1 };
    expect(withFields(base, {})).toEqual({ a: 1 });
    expect(withFields({ a: 1 }, { b: undefined, c: null })).toEqual({ a: 1, b: undefined, c: null });
    expect('b' in withFields({ a: 1 }, { b: undefined })).toBe(true);
  });
});
