import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * TRUST_PROXY: `false` (the peer address is the client), `true` (trust every proxy: the first
 * X-Forwarded-For address is the client), or a comma-separated list of the proxies' addresses,
 * CIDR blocks or `loopback`/`linklocal`/`uniquelocal`.
 */
const proxyList = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;
const trustProxy = z.string().transform((v, ctx) => {
  const word = v.trim().toLowerCase();
  if (['false', '0', 'no'].includes(word)) return false;
  if (['true', '1', 'yes'].includes(word)) return true;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0 || !items.every((i) => proxyList.test(i))) {
    ctx.addIssue({
      code: 'custom',
      message: 'true, false, or a comma-separated list of proxy addresses or CIDR blocks',
    });
    return z.NEVER;
  }
  return items;
});

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** AUD-3: where party export archives are written (default DATA_DIR/exports; shared by every node on PostgreSQL). */
  EXPORT_DIR: z.string().min(1).optional(),
  DEMO: boolish.default(true),
  /** Set when the console is served over TLS (directly or behind a proxy): cookies become Secure. */
  SECURE_COOKIES: boolish.default(false),
  /** PEM files: when both are set the server speaks HTTPS itself (and cookies become Secure). */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /** Outgoing mail, e.g. smtp://user:pass@mail.example:587; unset = e-mail notifications off. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Passerelle <passerelle@localhost>'),
  /** COL-2: 32 bytes (64 hex digits or base64) sealing the mailboxes' IMAP secrets (AES-256-GCM); unset = no mailboxes. */
  MAIL_SECRET_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, '64 hex digits or 32 bytes in base64')
    .optional(),
  /** IF-4: accept OpenID providers over plain http (tests and labs only; production providers are https). */
  OIDC_ALLOW_HTTP: boolish.default(false),
  /** The console's public address (https://desk.example), used in one-time links and the OpenID redirect; default: the request's own. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'scheme://host[:port], no path')
    .optional(),
  /** How often the mailboxes are read for new mail. */
  MAIL_POLL_MS: z.coerce.number().int().positive().default(30_000),
  /** How long a node's claim on a mailbox lasts without renewal (renewed after every batch): after a crash, the wait before another node reads it. */
  MAIL_LEASE_MS: z.coerce.number().int().min(1000).default(300_000),
  /** How often background jobs (mail) are polled for, and SLA clocks checked. */
  JOBS_POLL_MS: z.coerce.number().int().positive().default(2000),
  SLA_CHECK_MS: z.coerce.number().int().positive().default(60_000),
  /** IF-2: first retry delay of a failed webhook delivery, doubled at each attempt (at most an hour). */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(5000),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** ISM-8: which X-Forwarded-For hops to believe for the client address (allow-list, sign-in limits); default: none. */
  TRUST_PROXY: trustProxy.default(false),
  /** ISM-8: requests allowed per API token, and per console session, per window (0: no limit), and the window in seconds. */
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  SESSION_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  API_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().max(86_400).default(60),
  /** ISM-8: an identical write (same caller, method, target, body) is refused within this many ms (0: off). */
  DUPLICATE_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** ISM-8: live console sessions per user; signing in once more ends the oldest. */
  MAX_SESSIONS_PER_USER: z.coerce.number().int().positive().max(1000).default(10),
  /** ISM-8: a connection whose headers (or whole request) have not arrived in this time is closed; idle connections too. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().max(600_000).default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().max(3_600_000).default(60_000),
  IDLE_TIMEOUT_MS: z.coerce.number().int().positive().max(3_600_000).default(60_000),
  /** Live updates (server-sent events): a comment is sent this often so proxies and the idle timeout keep the stream open. */
  EVENTS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(25_000),
  /** Live updates: how often each open stream's session or token is checked again (a revoked one is closed). */
  EVENTS_RECHECK_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** Live updates: open streams allowed per session or token on one node (each console tab holds one). */
  EVENT_STREAMS_PER_SESSION: z.coerce.number().int().positive().max(100).default(6),
  /** Live updates: open streams allowed per user (all their sessions and tokens together) on one node. */
  EVENT_STREAMS_PER_USER: z.coerce.number().int().positive().max(1000).default(12),
  /** Live updates: open streams allowed on one node (each holds a connection and a heartbeat timer). */
  EVENT_STREAMS_PER_NODE: z.coerce.number().int().positive().max(100_000).default(1000),
});

export type Config = z.infer<typeof ConfigSchema>;

const WithTls = ConfigSchema.refine((c) => Boolean(c.TLS_CERT_FILE) === Boolean(c.TLS_KEY_FILE), {
  path: ['TLS_KEY_FILE'],
  message: 'TLS_CERT_FILE and TLS_KEY_FILE go together',
}).refine((c) => c.HEADERS_TIMEOUT_MS <= c.REQUEST_TIMEOUT_MS, {
  path: ['HEADERS_TIMEOUT_MS'],
  message: 'at most REQUEST_TIMEOUT_MS',
});

/** Reads the environment once; on a bad value, names the variable and exits. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = WithTls.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Where export archives go. */
export function exportDirOf(config: Pick<Config, 'EXPORT_DIR' | 'DATA_DIR'>): string {
  return config.EXPORT_DIR ?? `${config.DATA_DIR.replace(/\/$/, '')}/exports`;
}
