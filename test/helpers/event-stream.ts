import { get } from 'node:http';

/** One server-sent event as read from the stream. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  status: number;
  /** Every event received so far (comments excluded). */
  events: StreamEvent[];
  /** Heartbeat comments received so far. */
  comments: number;
  /** Resolves with the first event (received or to come) matching `match`; rejects after `timeoutMs`. */
  next(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  closed: Promise<void>;
  close(): void;
}

/** Opens `GET /api/v1/events/stream` with these headers and parses its frames as they arrive. */
export function openEventStream(base: string, headers: Record<string, string>): Promise<EventStream> {
  const events: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  return new Promise((opened, failed) => {
    // node:http rather than fetch: closing must end this connection at once, and open no other.
    const request = get(`${base}/api/v1/events/stream`, { headers, agent: false }, (response) => {
      let buffer = '';
      const stream: EventStream = {
        status: response.statusCode ?? 0,
        events,
        comments: 0,
        next(match, timeoutMs = 5000) {
          return new Promise((resolve, reject) => {
            const check = () => {
              const found = events.find(match);
              if (!found) return false;
              clearTimeout(timer);
              resolve(found);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(waiter), 1);
              reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
            }, timeoutMs);
            const waiter = () => void (check() && waiters.splice(waiters.indexOf(waiter), 1));
            if (!check()) waiters.push(waiter);
          });
        },
        closed: new Promise((resolve) => response.once('close', resolve)),
        close: () => request.destroy(),
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          stream.comments += lines.filter((l) => l.startsWith(': heartbeat')).length;
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event) events.push({ event, data: data === undefined ? null : JSON.parse(data) });
          for (const waiter of [...waiters]) waiter();
        }
      });
      response.on('error', () => undefined);
      opened(stream);
    });
    request.on('error', failed);
  });
}
