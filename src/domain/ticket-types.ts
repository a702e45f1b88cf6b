/** TKT-1 ticket types and the short code used in identifiers (TKT-2). */
export const TICKET_TYPES = [
  'incident',
  'problem',
  'request',
  'change',
  'release',
  'security',
  'consultation',
] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TYPE_CODES: Record<TicketType, string> = {
  incident: 'INC',
  problem: 'PRB',
  request: 'REQ',
  change: 'CHG',
  release: 'REL',
  security: 'SEC',
  consultation: 'CON',
};

/** Kinds of link between tickets (TKT-3). */
export const LINK_KINDS = [
  'recurrence_of',
  'security_incident_of',
  'related',
  'problem_of',
  'change_for',
  'implements',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** TKT-6: how a ticket arrived. */
export const TICKET_CHANNELS = ['console', 'api', 'cli', 'phone', 'email'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** The orders a ticket list can be read in (`-` = descending). */
/** `slaDueAt`: the next SLA due instant first, tickets with no running clock last. */
export const TICKET_SORTS = [
  '-createdAt',
  'createdAt',
  '-updatedAt',
  'updatedAt',
  'priority',
  '-priority',
  'slaDueAt',
] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/**
 * TKT-3 / ISM-2: links whose `from` ticket was made from, or gathers, the `to` ticket (a
 * recurrence, the security incident declared from an incident, a problem and its incidents, a
 * change and its source, a release and its changes). The `from` ticket carries what the `to`
 * ticket says, so it is never classified below it. `related` carries nothing.
 */
export const CARRYING_LINKS: readonly LinkKind[] = [
  'recurrence_of',
  'security_incident_of',
  'problem_of',
  'change_for',
  'implements',
];
