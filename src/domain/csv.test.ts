import { describe, expect, it } from 'vitest';
import { csvDocument, csvLine } from './csv.ts';

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvLine(['Link', 'a,b', 'say "hi"', null, 3, true])).toBe('Link,"a,b","say ""hi""",,3,true');
    expect(csvLine(['=HYPERLINK("http://x")', '-1+1'])).toBe(`"'=HYPERLINK(""http://x"")","'-1+1"`);
    expect(csvDocument(['a', 'b'], [[1, 2]])).toBe('a,b\r\n1,2\r\n');
  });
});
