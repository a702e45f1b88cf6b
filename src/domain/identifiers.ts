import { TYPE_CODES, type TicketType } from './ticket-types.ts';

/** TKT-2 identifier issued by the owning party: `EU-INC-2026-000042`. */
export function formatTicketRef(party: string, type: TicketType, year: number, seq: number): string {
  return `${ticketRefPrefix(party, type, year)}${String(seq).padStart(REF_DIGITS, '0')}`;
}

/** What precedes the number in an identifier: `EU-INC-2026-`. */
export function ticketRefPrefix(party: string, type: TicketType, year: number): string {
  return `${party}-${TYPE_CODES[type]}-${year}-`;
}

/** The number's digits at least, zero-padded (more once a year passes 999,999). */
export const REF_DIGITS = 6;

const REF_PATTERN = /^([A-Z][A-Z0-9]{1,9})-(INC|PRB|REQ|CHG|REL|SEC)-(\d{4})-(\d{6,})$/;

/** True when a string has the shape of a ticket identifier. */
export function isTicketRef(value: string): boolean {
  return REF_PATTERN.test(value);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when a string is a UUID. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Party codes are short upper-case words: EU, CH, FR-ANSSI is not allowed, FRANSSI is. */
export const PARTY_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
