import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(new URL('../../src/web/styles.css', import.meta.url), 'utf8');

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

describe('console colours: priority badges readable (WCAG AA, 4.5:1)', () => {
  it('white text on every priority colour has a contrast of at least 4.5:1', () => {
    for (const level of [1, 2, 3, 4, 5]) {
      const colour = new RegExp(`--p${level}:\\s*(#[0-9a-f]{6})`, 'i').exec(CSS)?.[1];
      expect(colour, `--p${level}`).toBeDefined();
      expect(contrast(colour!, '#ffffff'), `P${level} ${colour}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#e65100', '#ffffff')).toBeLessThan(4.5); // the old P2 orange
  });
});
