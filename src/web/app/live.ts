import { useEffect, useRef } from 'react';
import { LIVE_EVENTS, StreamEnd, TicketChange } from '../../contract/live.ts';

/** A change the page may want to show: a ticket (id, ref, version), or `null` when everything should be re-read. */
export type LiveChange = TicketChange | null;
type Listener = (change: LiveChange) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | undefined;
let droppedOnce = false;
const RETRY_CLOSED_MS = 30_000;

const emit = (change: LiveChange) => listeners.forEach((listener) => listener(change));

/**
 * One stream per tab (`GET /api/v1/events/stream`), shared by every page that listens, open while
 * one does. The browser reconnects a dropped stream by itself; after a reconnection the pages re-read
 * what they show (changes may have been missed). A refused stream (too many tabs) is tried again later;
 * a stream ended by sign-out is not.
 */
function connect() {
  clearTimeout(retry);
  const stream = new EventSource('/api/v1/events/stream', { withCredentials: true });
  source = stream;
  stream.addEventListener('open', () => {
    if (droppedOnce) emit(null);
    droppedOnce = false;
  });
  stream.addEventListener(LIVE_EVENTS.ticket, (event) => {
    const parsed = TicketChange.safeParse(JSON.parse((event as MessageEvent<string>).data));
    if (parsed.success) emit(parsed.data);
  });
  stream.addEventListener(LIVE_EVENTS.resync, () => emit(null));
  stream.addEventListener(LIVE_EVENTS.end, (event) => {
    const parsed = StreamEnd.safeParse(JSON.parse((event as MessageEvent<string>).data));
    if (parsed.success && parsed.data.reason === 'signed_out') disconnect();
  });
  stream.addEventListener('error', () => {
    droppedOnce = true;
    // CONNECTING: the browser retries by itself. CLOSED: refused (429, 401…): try again much later.
    if (stream.readyState === EventSource.CLOSED && source === stream) {
      source = null;
      retry = setTimeout(() => listeners.size > 0 && !source && connect(), RETRY_CLOSED_MS);
    }
  });
}

function disconnect() {
  clearTimeout(retry);
  source?.close();
  source = null;
  droppedOnce = false;
}

/**
 * Calls `onChange` when tickets change, at most once per `debounceMs` with every change gathered since
 * (an empty list: re-read everything). Listens while the component is mounted.
 */
export function useLiveTickets(onChange: (changes: TicketChange[]) => void, debounceMs = 400): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let pending: TicketChange[] | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener: Listener = (change) => {
      pending = change === null ? [] : pending?.length === 0 ? pending : [...(pending ?? []), change];
      timer ??= setTimeout(() => {
        timer = undefined;
        const changes = pending ?? [];
        pending = null;
        latest.current(changes);
      }, debounceMs);
    };
    listeners.add(listener);
    if (!source) connect();
    return () => {
      clearTimeout(timer);
      listeners.delete(listener);
      if (listeners.size === 0) disconnect();
    };
  }, [debounceMs]);
}
