import { describe, expect, it } from 'vitest';
import { unsafeBodyPart } from './body-checks.ts';

describe('issue 11: bodies the server cannot handle safely', () => {
  it('8. finds a body nested too deep or carrying text PostgreSQL cannot store, without recursion', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeBodyPart({ values: deep })).toMatchObject({ detail: 'too_deep' });
    expect(unsafeBodyPart({ title: 'a\ud800b' })).toEqual({ path: 'title', detail: 'well_formed_text' });
    expect(unsafeBodyPart({ title: 'emoji 😀 fine' })).toBeNull();
    expect(unsafeBodyPart({ list: [{ note: 'nul\u0000' }] })).toEqual({
      path: 'list.0.note',
      detail: 'well_formed_text',
    });
  });
});
