import { z } from 'zod';

/**
 * Live updates (`GET /api/v1/events/stream`, server-sent events). Each `ticket` event names a ticket
 * the reader may see that changed: its id, reference and version, never its content — the reader
 * fetches what it shows. `resync`: changes may have been missed, re-read everything. `end`: the
 * stream ends (`signed_out`: the session or token ended; `shutdown`: the node stops, reconnect).
 */
export const TicketChange = z.object({ id: z.uuid(), ref: z.string(), version: z.number().int() });
export type TicketChange = z.infer<typeof TicketChange>;

export const StreamEnd = z.object({ reason: z.enum(['signed_out', 'shutdown']) });
export type StreamEnd = z.infer<typeof StreamEnd>;

/** The event names of the stream. */
export const LIVE_EVENTS = { ticket: 'ticket', resync: 'resync', end: 'end' } as const;
