import { TimelineEventSchema } from './events.ts';

/** Every timeline event kind a subscription may ask for. */
export const WEBHOOK_EVENT_KINDS: readonly string[] = TimelineEventSchema.options.map((o) => o.shape.kind.value);

/** Events whose data name another ticket: delivered without their data, as the subscription may not see it. */
export const CROSS_TICKET_KINDS: readonly string[] = ['linked', 'release_changes', 'change_applied'];

/** Failed attempts in a row after which a subscription is paused and its party's administrators told. */
export const PAUSE_AFTER_FAILURES = 5;
/** Attempts after which one delivery is given up (the log keeps it; an administrator may replay it). */
export const MAX_DELIVERY_ATTEMPTS = 10;

/** Wait before the next attempt after `attempts` failed ones: base × 2^(n−1), at most an hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempts - 1));
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An address literal inside private, link-local or unspecified ranges — loopback aside, allowed like `http://` above — (cloud metadata at
 * 169.254.169.254, 10/8, 172.16/12, 192.168/16, 0/8, fc00::/7, fe80::/10): a subscription is
 * not a way to reach the instance's internal network. Names are not resolved here.
 */
function internalAddress(host: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  const v6 = host.startsWith('[') ? host.slice(1, -1).toLowerCase() : '';
  return v6 !== '' && (v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('::ffff:'));
}

/**
 * IF-2: deliveries go over HTTPS; plain HTTP is accepted only to this machine (a local relay or
 * a developer's receiver), never across a network. Anything else — other schemes, credentials
 * in the URL — is refused. Returns the detail key of the refusal, or null.
 */
export function webhookUrlRefusal(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url_scheme';
  }
  if (url.username || url.password) return 'url_scheme';
  if (url.protocol === 'https:') return internalAddress(url.hostname) ? 'url_internal' : null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'url_scheme';
}
