// The embedded store's thread: owns the PGlite instance, so PostgreSQL's WebAssembly and PGlite's
// JavaScript (protocol, parsing) run beside the request thread instead of on it. It answers the
// messages of src/store/pglite-proxy.ts, whose header describes the protocol.
//
// Plain JavaScript on purpose, and not part of the server bundle: a worker thread does not inherit
// tsx's loader (bin/passerelle.js registers it in the main thread only, and vitest transforms its
// own modules), so a TypeScript entry would not load under `npm start`, the CLI or the tests.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, messages } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('pglite-worker.js runs as a worker thread');

/** @type {{ dataDir: string, startParams: string[] }} */
const options = workerData;

const identity = (/** @type {string} */ value) => value;
/** Parser maps by their oid list: the same few lists come back on every statement. */
const parserCache = new Map();
/** @param {number[] | undefined} oids */
function identityParsers(oids) {
  if (!oids || oids.length === 0) return undefined;
  const key = oids.join(',');
  let parsers = parserCache.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(oids.map((oid) => [oid, identity]));
    parserCache.set(key, parsers);
  }
  return parsers;
}

/** The fields of a PostgreSQL error (pg-protocol's DatabaseError, with PGlite's `query`). */
const ERROR_FIELDS = [
  'name',
  'length',
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
  'query',
];

/**
 * An error as plain data (structured cloning keeps only an Error's message and stack). PGlite also
 * attaches the statement's parameters and options: left out, they may be large or not cloneable.
 */
function describe(error) {
  if (!(error instanceof Error)) return { message: String(error), database: false };
  const out = { message: error.message, stack: error.stack, database: error instanceof messages.DatabaseError };
  for (const field of ERROR_FIELDS) {
    const value = /** @type {Record<string, unknown>} */ (error)[field];
    if (value !== undefined && (typeof value === 'string' || typeof value === 'number')) out[field] = value;
  }
  if (error.cause !== undefined) out.cause = describe(error.cause);
  return out;
}

function reply(id, result) {
  try {
    port.postMessage({ id, result });
  } catch (error) {
    // A value that cannot be cloned: the caller gets an error instead of waiting for ever.
    port.postMessage({ id, error: describe(error) });
  }
}
const fail = (id, error) => port.postMessage({ id, error: describe(error) });

/** Open transactions by id: the PGlite transaction object and how to end it. */
const transactions = new Map();
let nextTransaction = 0;
/** Active LISTEN registrations by id: their unlisten functions. */
const listeners = new Map();

let pg;

/** Queries and exec, outside or inside a transaction (`tx`). */
function target(tx) {
  if (!tx) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error('Transaction is closed');
  return open.tx;
}

function begin(id) {
  const transaction = ++nextTransaction;
  let started = false;
  /** @type {(commit: boolean) => void} */
  let decide = () => undefined;
  const decided = new Promise((resolve) => (decide = resolve));
  const entry = { tx: null, decide, endId: 0 };
  pg.transaction(async (tx) => {
    started = true;
    entry.tx = tx;
    transactions.set(transaction, entry);
    reply(id, transaction);
    const commit = await decided;
    // Rolled back here, so a failing ROLLBACK is reported like a failing COMMIT; PGlite then skips its COMMIT.
    if (!commit) await tx.rollback();
  }).then(
    () => {
      transactions.delete(transaction);
      reply(entry.endId, null);
    },
    (error) => {
      transactions.delete(transaction);
      if (started) fail(entry.endId, error);
      else fail(id, error);
    },
  );
}

function end(id, tx, commit) {
  const open = transactions.get(tx);
  if (!open || open.endId) return fail(id, new Error('Transaction is closed'));
  open.endId = id;
  open.decide(commit);
}

async function handle(message) {
  const { id, op } = message;
  try {
    switch (op) {
      case 'query': {
        const queryOptions = { rowMode: message.rowMode, parsers: identityParsers(message.raw) };
        if (message.paramTypes) queryOptions.paramTypes = message.paramTypes;
        return reply(id, await target(message.tx).query(message.sql, message.params, queryOptions));
      }
      case 'exec':
        return reply(id, await target(message.tx).exec(message.sql));
      case 'begin':
        return begin(id);
      case 'end':
        return end(id, message.tx, message.commit);
      case 'listen': {
        const listener = message.listener;
        const stop = await pg.listen(message.channel, (payload) => port.postMessage({ notify: listener, payload }));
        listeners.set(listener, stop);
        return reply(id, null);
      }
      case 'unlisten': {
        const stop = listeners.get(message.listener);
        listeners.delete(message.listener);
        if (stop) await stop();
        return reply(id, null);
      }
      case 'close':
        if (!pg.closed) await pg.close();
        return reply(id, null);
      default:
        throw new Error(`unknown store operation ${op}`);
    }
  } catch (error) {
    fail(id, error);
  }
}

try {
  pg = await PGlite.create(options.dataDir, { startParams: [...PGlite.defaultStartParams, ...options.startParams] });
  port.on('message', (message) => void handle(message));
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: describe(error) });
}
