import { describe, expect, it } from 'vitest';
import { addressInBlocks, normaliseBlock, parseBlocks } from './ip-blocks.ts';

describe('ISM-8 address blocks', () => {
  it('normalises blocks so that equal blocks compare equal', () => {
    expect(normaliseBlock('192.0.2.7')).toBe('192.0.2.7/32');
    expect(normaliseBlock('192.0.2.77/24')).toBe('192.0.2.0/24');
    expect(normaliseBlock('2001:DB8:0:0::1/32')).toBe('2001:db8::/32');
    expect(normaliseBlock('::ffff:192.0.2.0/120')).toBe('192.0.2.0/24');
    expect(normaliseBlock('::ffff:10.0.0.1')).toBe('10.0.0.1/32');
  });

  it('refuses what is not an address or block', () => {
    for (const bad of [
      '',
      'example.org',
      '10.0.0.0/33',
      '2001:db8::/129',
      '10.0.0.0/-1',
      '10.0.0.0/8/8',
      '0x0a.0.0.1',
      '10.1',
      '10',
      'fe80::1%eth0',
      '10.0.0.0/ 8',
    ]) {
      expect(normaliseBlock(bad), bad).toBeNull();
    }
  });

  it('matches IPv4, IPv6 and IPv4-mapped IPv6 addresses, and nothing across families', () => {
    const blocks = parseBlocks(['192.0.2.0/24', '2001:db8::/32', '198.51.100.9']);
    expect(addressInBlocks('192.0.2.200', blocks)).toBe(true);
    expect(addressInBlocks('::ffff:192.0.2.1', blocks)).toBe(true);
    expect(addressInBlocks('192.0.3.1', blocks)).toBe(false);
    expect(addressInBlocks('2001:db8:ffff::1', blocks)).toBe(true);
    expect(addressInBlocks('2001:db9::1', blocks)).toBe(false);
    expect(addressInBlocks('198.51.100.9', blocks)).toBe(true);
    expect(addressInBlocks('198.51.100.10', blocks)).toBe(false);
    // ::c000:201 is an IPv6 address, not 192.0.2.1.
    expect(addressInBlocks('::c000:201', blocks)).toBe(false);
    expect(addressInBlocks('not-an-address', blocks)).toBe(false);
    expect(addressInBlocks('192.0.2.1', [])).toBe(false);
  });

  it('lets 0.0.0.0/0 admit every IPv4 address but no IPv6 one', () => {
    const all4 = parseBlocks(['0.0.0.0/0']);
    expect(addressInBlocks('203.0.113.1', all4)).toBe(true);
    expect(addressInBlocks('::1', all4)).toBe(false);
  });
});
