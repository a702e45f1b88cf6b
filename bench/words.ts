/**
 * Vocabulary of the seeded tickets. Titles, descriptions and comments draw from WORDS with a
 * skewed distribution (early words are frequent, late ones rare), so a full-text search for
 * a random word finds anything from tens of thousands of tickets down to a handful.
 */
export const WORDS = [
  'registry', 'transfer', 'allowance', 'account', 'holder', 'login', 'timeout', 'certificate', 'link', 'transaction',
  'pending', 'report', 'surrender', 'verification', 'emission', 'installation', 'operator', 'aircraft', 'auction', 'settlement',
  'balance', 'export', 'import', 'batch', 'queue', 'message', 'endpoint', 'gateway', 'proxy', 'firewall',
  'database', 'replica', 'backup', 'restore', 'latency', 'outage', 'degraded', 'slow', 'error', 'rejected',
  'signature', 'token', 'password', 'reset', 'lockout', 'session', 'browser', 'console', 'screen', 'button',
  'calendar', 'deadline', 'compliance', 'cycle', 'verifier', 'notification', 'email', 'mailbox', 'attachment', 'invoice',
  'ledger', 'reconciliation', 'mismatch', 'duplicate', 'missing', 'unit', 'serial', 'block', 'range', 'issuance',
  'allocation', 'free', 'benchmark', 'correction', 'reversal', 'cancellation', 'approval', 'authoriser', 'representative', 'nomination',
  'kyc', 'document', 'upload', 'scan', 'virus', 'quarantine', 'storage', 'disk', 'memory', 'cpu',
  'cluster', 'node', 'failover', 'dns', 'tls', 'handshake', 'cipher', 'expiry', 'renewal', 'schedule',
  'cron', 'job', 'nightly', 'statistics', 'dashboard', 'chart', 'filter', 'search', 'index', 'rebuild',
  'migration', 'upgrade', 'release', 'rollback', 'patch', 'hotfix', 'regression', 'translation', 'french', 'german',
  'italian', 'label', 'typo', 'layout', 'mobile', 'tablet', 'printer', 'pdf', 'csv', 'xml',
  'schema', 'validation', 'field', 'mandatory', 'optional', 'format', 'date', 'timezone', 'daylight', 'clock',
  'drift', 'ntp', 'monitoring', 'alert', 'threshold', 'pager', 'escalation', 'helpdesk', 'caller', 'ticket',
  'swiss', 'union', 'bern', 'brussels', 'frankfurt', 'geneva', 'luxembourg', 'zurich', 'vienna', 'paris',
  'quota', 'limit', 'throttle', 'retry', 'backoff', 'deadlock', 'contention', 'lock', 'snapshot', 'vacuum',
  'heartbeat', 'ping', 'route', 'vpn', 'tunnel', 'partner', 'counterparty', 'fingerprint', 'keystore', 'hsm',
  'audit', 'trail', 'forensic', 'phishing', 'spoofing', 'malware', 'intrusion', 'anomaly', 'spike', 'flapping',
  'orphan', 'stale', 'cache', 'invalidation', 'cookie', 'redirect', 'loop', 'crash', 'restart', 'watchdog',
];

/** Endings that make titles read like incident titles. */
export const SYMPTOMS = ['not reachable', 'fails', 'times out', 'is slow', 'rejected', 'stuck', 'missing', 'duplicated', 'incorrect', 'unavailable'];

/** Services a ticket is recorded against. */
export const SERVICES = [
  'Link / transaction log',
  'Registry / transfers',
  'Registry / accounts',
  'Registry / allocation',
  'Registry / compliance',
  'Authentication',
  'Reporting',
  'Notifications',
  'Infrastructure / network',
  'Infrastructure / database',
];

/** Reporters named on seeded tickets. */
export const REPORTERS = ['CH operations', 'EU operations', 'Account holder helpdesk', 'Monitoring', 'National administrator', 'Verifier hotline'];

/** mulberry32: a small seeded PRNG, so the same N always gives the same text. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TicketTexts {
  titles: string[];
  descriptions: string[];
  comments: string[];
}

/** Titles, descriptions (8–30 words) and comment bodies (5–15 words) for `n` tickets. */
export function drawTexts(n: number, seed = 42): TicketTexts {
  const random = prng(seed);
  const word = () => WORDS[Math.floor(random() ** 2 * WORDS.length)]!;
  const sentence = (count: number) => Array.from({ length: count }, word).join(' ');
  const texts: TicketTexts = { titles: [], descriptions: [], comments: [] };
  for (let i = 0; i < n; i++) {
    const first = word();
    const symptom = SYMPTOMS[Math.floor(random() * SYMPTOMS.length)]!;
    texts.titles.push(`${first[0]!.toUpperCase()}${first.slice(1)} ${word()} ${symptom} for ${word()}`);
    texts.descriptions.push(sentence(8 + Math.floor(random() * 23)));
    texts.comments.push(sentence(5 + Math.floor(random() * 11)));
  }
  return texts;
}
