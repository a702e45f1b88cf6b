import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An address block of an ISM-8 allow-list, parsed once. */
export interface IpBlock {
  network: Address;
  bits: number;
}

/** An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is the IPv4 address it carries. */
function plain(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

/** A client address as the network sees it, or null when it is not an IP address. */
export function parseAddress(value: string): Address | null {
  const text = value.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return null;
  return plain(ipaddr.IPv6.parse(text));
}

/**
 * Parses an address or CIDR block (`192.0.2.0/24`, `2001:db8::/32`, `192.0.2.7`,
 * `::ffff:192.0.2.0/120`); null when it is not one. IPv4-mapped IPv6 blocks become IPv4
 * blocks; host bits are cleared.
 */
export function parseBlock(value: string): IpBlock | null {
  const text = value.trim();
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const bitsText = slash === -1 ? null : text.slice(slash + 1);
  if (text.includes('%')) return null;
  const address = ipaddr.IPv4.isValidFourPartDecimal(addressText)
    ? ipaddr.IPv4.parse(addressText)
    : ipaddr.IPv6.isValid(addressText)
      ? ipaddr.IPv6.parse(addressText)
      : null;
  if (!address) return null;
  const max = address.kind() === 'ipv4' ? 32 : 128;
  if (bitsText !== null && !/^\d{1,3}$/.test(bitsText)) return null;
  let bits = bitsText === null ? max : Number(bitsText);
  if (bits > max) return null;
  let network: Address = address;
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    // ::ffff:a.b.c.d/n covers IPv4 addresses only when n ≥ 96.
    if (bits < 96) return { network: ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`), bits };
    network = (address as ipaddr.IPv6).toIPv4Address();
    bits -= 96;
  }
  const cidr = `${network.toString()}/${bits}`;
  return {
    network:
      network.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr),
    bits,
  };
}

/** The canonical text of a block (`10.1.2.0/24`, `2001:db8::/32`), so that equal blocks compare equal. */
export function blockText(block: IpBlock): string {
  return `${block.network.kind() === 'ipv6' ? (block.network as ipaddr.IPv6).toRFC5952String() : block.network.toString()}/${block.bits}`;
}

/** The canonical text of an address or block as entered, or null when it is not one. */
export function normaliseBlock(value: string): string | null {
  const block = parseBlock(value);
  return block ? blockText(block) : null;
}

/** Whether the address lies inside one of the blocks (an address that does not parse lies in none). */
export function addressInBlocks(address: string, blocks: readonly IpBlock[]): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return blocks.some((b) => b.network.kind() === parsed.kind() && parsed.match(b.network, b.bits));
}

/** The blocks of a list, skipping any that do not parse (the catalogue form checks them on entry). */
export function parseBlocks(values: readonly string[]): IpBlock[] {
  return values.map(parseBlock).filter((b): b is IpBlock => b !== null);
}
