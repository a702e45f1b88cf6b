import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIVE_EVENTS } from '../../contract/live.ts';
import { errorResponses } from '../../contract/schemas.ts';
import type { TicketFeed } from '../../services/live/ticket-feed.ts';
import { requireActor } from '../auth-hook.ts';
import type { RouteDeps } from './deps.ts';

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3000;
/** A stream whose unsent frames exceed this is dropped (its client reads too slowly). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Live updates by server-sent events: which visible tickets changed, as they change. */
export const eventRoutes =
  (deps: RouteDeps, feed: TicketFeed): FastifyPluginAsyncZod =>
  async (app) => {
    // A heartbeat keeps the stream inside the node's idle timeout (and the load balancer's).
    const heartbeatMs = Math.min(deps.config.EVENTS_HEARTBEAT_MS, Math.floor(deps.config.IDLE_TIMEOUT_MS / 2));
    app.get(
      '/events/stream',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Live updates: a server-sent event stream naming each visible ticket that changes',
          description:
            'A `text/event-stream` (server-sent events). `event: ticket` carries `{id, ref, version}` of a ticket ' +
            'the caller may see (party, clearance, team) each time it changes — never its content: read the ticket ' +
            'for that. `event: resync`: changes may have been missed, read again what you show. `event: end` ' +
            '`{reason}` ends the stream (`signed_out`: the session or token ended; `shutdown`: reconnect). A comment ' +
            'line is sent as a heartbeat. At most `EVENT_STREAMS_PER_SESSION` streams per session or token, ' +
            '`EVENT_STREAMS_PER_USER` per user and `EVENT_STREAMS_PER_NODE` per node (429). A stream ends with ' +
            "`signed_out` too when its address leaves the party's allow-list or the party makes TOTP mandatory " +
            'and the user has none; a client too slow to read is disconnected.',
          response: { 200: z.string().describe('text/event-stream'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const credential = request.sessionId ? `session:${request.sessionId}` : `token:${request.tokenId}`;
        const stream = new PassThrough();
        let registered: (() => void) | undefined;
        let heartbeat: NodeJS.Timeout | undefined;
        let closed = false;
        // Never on the stream's 'finish': what is still buffered (the final `end` frame) must reach the client.
        const cleanup = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          registered?.();
        };
        // Attached before the wait below: a client leaving meanwhile still has its reader removed.
        reply.raw.once('close', cleanup);
        stream.once('close', cleanup);
        const write = (text: string) => {
          if (closed || stream.writableEnded) return;
          // A client that reads slower than its changes come is dropped before its buffer grows without bound.
          if (!stream.write(text) && stream.writableLength > MAX_BUFFERED_BYTES) {
            cleanup();
            reply.raw.destroy();
          }
        };
        const remove = await feed.open({
          credential,
          actor,
          address: request.ip,
          send: (change) => write(frame(LIVE_EVENTS.ticket, change)),
          resync: () => write(frame(LIVE_EVENTS.resync, {})),
          end: (reason) => void (stream.writableEnded || stream.end(frame(LIVE_EVENTS.end, { reason }))),
        });
        if (closed || request.raw.socket.destroyed) {
          closed = true;
          remove();
        } else {
          registered = remove;
          heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
          heartbeat.unref();
        }
        write(`retry: ${RETRY_MS}\n: connected\n\n`);
        return reply
          .type('text/event-stream; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('x-accel-buffering', 'no')
          .send(stream as unknown as string);
      },
    );
  };
