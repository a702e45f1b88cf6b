// The embedded store's thread: owns the PGlite instance, so PostgreSQL's WebAssembly and PGlite's
// JavaScript (protocol, parsing) run beside the request thread instead of on it. It answers the
// messages of src/store/pglite-proxy.ts, whose header describes the protocol.
//
// Plain JavaScript on purpose, and not part of the server bundle: a worker thread does not inherit
// tsx's loader (bin/passerelle.js registers it in the main thread only, and vitest transforms its
// own modules), so a TypeScript entry would not load under `npm start`, the CLI or the tests.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, messages, parse, protocol } from '@electric-sql/pglite';
import { decodeStringsInPlace } from './pglite-strings.js';

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

/** PGlite's parsers merged with identity parsers, by oid list. */
const mergedCache = new Map();
/**
 * PGlite's parsers with those of `oids` returning the text as is, built once per oid list. Given to
 * `parseResults` as its parsers, instead of as an option that it merges with PGlite's 300-odd
 * parsers at every call: that copy was the larger part of a small statement's store time (0.15 ms
 * of parsing against 0.07 ms of running, measured on a ticket read).
 * @param {number[] | undefined} oids
 */
function parsersWith(oids) {
  if (!oids || oids.length === 0) return pg.parsers;
  const key = oids.join(',');
  let parsers = mergedCache.get(key);
  if (!parsers) {
    parsers = { ...pg.parsers, ...identityParsers(oids) };
    mergedCache.set(key, parsers);
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
/** Active LISTEN registrations by id: their unlisten functions. */
const listeners = new Map();

let pg;

/*
 * Prepared statements. PGlite's `query` parses and plans every statement afresh (an unnamed
 * statement, five calls into the WebAssembly): measured on 100,000 tickets, planning was 80 % of a
 * ticket read's store time. A statement text seen again is prepared once under a name and then run
 * with Bind/Describe/Execute/Sync in one call; PostgreSQL keeps its plan (plan_cache_mode auto: after
 * five custom plans, a generic one if its estimate is no worse). An estimate can be wrong where the
 * parameters matter (a count whose filters select 1 % or 90 % of the tickets), so each statement's
 * first runs are timed: one whose later (generic) runs take clearly longer than its first five
 * (custom) runs is closed and runs PGlite's way from then on. Plans are per connection, and this
 * thread is the store's only connection. The least recently used statement is closed beyond MAX.
 */
const PREPARE_AT = 2;
/** Runs of a prepared statement that PostgreSQL plans afresh (its plan cache's rule), then runs compared with them. */
const CUSTOM_RUNS = 5;
const JUDGED_RUNS = 15;
const MAX_PREPARED = 256;
const MAX_SEEN = 4096;
/**
 * Text searches (`@@`) are planned with their values every time: a word may be in three tickets or
 * in most of them, and a plan kept for a common word (walk the tickets newest first) reads the whole
 * table for a reference or a rare word — seconds at 1,000,000 tickets.
 */
const PLANNED_EACH_TIME = /@@/;
/** A kept plan's run this much slower than its custom-planned runs (and at least SLOW_MS) is dropped at once, whenever it happens. */
const SLOWER_AT_ONCE = 10;
const SLOW_MS = 50;
/** Statement texts seen but not (yet) prepared, with how often. */
const seen = new Map();
/** Prepared statements by text, least recently used first: their name, parameter types and timings. */
const prepared = new Map();
/** Texts whose kept plan ran slower than planning afresh: never prepared again. */
const unprepared = new Set();
let nextStatement = 0;
const { serialize } = protocol;

/** Protocol messages as one buffer: PGlite runs them in one call. */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Closes a prepared statement (under the query lock). */
function closeStatement(name) {
  return pg.execProtocolStream(concat([serialize.close({ type: 'S', name }), serialize.sync()]), { syncToFs: false });
}

/** A statement's error, as PGlite's `query` reports it (the text attached). */
function withQuery(error, text) {
  if (error instanceof messages.DatabaseError) error.query = text;
  return error;
}

/** The prepared statement of a text seen often enough, preparing it now if needed (under the query lock). */
async function statementFor(text, paramTypes) {
  const known = prepared.get(text);
  if (known) {
    prepared.delete(text);
    prepared.set(text, known);
    return known;
  }
  if (unprepared.has(text) || PLANNED_EACH_TIME.test(text)) return null;
  const count = (seen.get(text) ?? 0) + 1;
  if (count < PREPARE_AT) {
    if (seen.size >= MAX_SEEN) seen.clear();
    seen.set(text, count);
    return null;
  }
  seen.delete(text);
  const name = `passerelle_${++nextStatement}`;
  const parts = [serialize.parse({ name, text, types: paramTypes }), serialize.describe({ type: 'S', name })];
  if (prepared.size >= MAX_PREPARED) {
    const [oldest, statement] = prepared.entries().next().value;
    prepared.delete(oldest);
    parts.push(serialize.close({ type: 'S', name: statement.name }));
  }
  parts.push(serialize.sync());
  let answer;
  try {
    answer = await pg.execProtocolStream(concat(parts), { syncToFs: false });
  } catch (error) {
    throw withQuery(error, text);
  }
  const description = answer.find((m) => m.name === 'parameterDescription');
  const statement = { name, types: description?.dataTypeIDs ?? [], runs: 0, customMs: 0, laterMs: 0 };
  prepared.set(text, statement);
  return statement;
}

/**
 * Times a prepared statement's run; true once, after JUDGED_RUNS, for one whose later runs average
 * over 1.5 times its first (custom-planned) runs, and at least half a millisecond more; and true for
 * any later run SLOWER_AT_ONCE times slower than those (a plan that suits some values only).
 */
function slowerKept(statement, ms) {
  statement.runs++;
  if (statement.runs <= CUSTOM_RUNS) {
    statement.customMs += ms;
    return false;
  }
  const custom = statement.customMs / CUSTOM_RUNS;
  if (ms >= SLOW_MS && ms > custom * SLOWER_AT_ONCE) return true;
  if (statement.runs <= JUDGED_RUNS) statement.laterMs += ms;
  if (statement.runs !== JUDGED_RUNS) return false;
  const later = statement.laterMs / (JUDGED_RUNS - CUSTOM_RUNS);
  return later > custom * 1.5 && later - custom >= 0.5;
}

/** Forgets a prepared statement and closes it; `forGood` keeps its text from being prepared again. */
async function drop(text, statement, forGood) {
  prepared.delete(text);
  if (forGood) {
    if (unprepared.size >= MAX_SEEN) unprepared.clear();
    unprepared.add(text);
  }
  await closeStatement(statement.name);
}

/** Runs a statement under the query lock: prepared when seen before, PGlite's own way otherwise. */
async function runStatement(tx, text, params, queryOptions, raw) {
  const plain = () => (tx ? target(tx) : pg).query(text, params, { ...queryOptions, parsers: identityParsers(raw) });
  const run = async () => {
    if (tx) target(tx); // throws if the transaction has ended (checked under the lock)
    const statement = await statementFor(text, queryOptions.paramTypes);
    if (!statement) return undefined;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pg.serializers[statement.types[i]];
      return serializer ? serializer(value) : value.toString();
    });
    const message = concat([
      serialize.bind({ statement: statement.name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ]);
    try {
      const started = performance.now();
      const answer = await pg.execProtocolStream(message, { syncToFs: false });
      if (slowerKept(statement, performance.now() - started)) await drop(text, statement, true);
      return parse.parseResults(answer, parsersWith(raw), queryOptions)[0];
    } catch (error) {
      // A plan made before a schema change may no longer fit (0A000), or the statement is gone (26000):
      // forget it; the statement then runs PGlite's way.
      if (error?.code === '0A000' || error?.code === '26000') {
        await drop(text, statement, false);
        return undefined;
      }
      throw withQuery(error, text);
    }
  };
  if (tx) return (await pg._runExclusiveQuery(run)) ?? plain();
  const result = await pg._runExclusiveTransaction(() => pg._runExclusiveQuery(run));
  if (result === undefined) return plain();
  await pg.syncToFs();
  return result;
}

/**
 * Runs `step` once every earlier message of transaction `tx` (its statements, its `end`) has been
 * handled, so they run in the order sent: PGlite's lock alone does not keep it, since a statement
 * not prepared yet queues for it a second time (`plain`), behind later ones. Before the transaction
 * is open, steps wait for it; if it cannot open, each fails with its error.
 */
function inTurn(tx, step) {
  const entry = tx ? transactions.get(tx) : undefined;
  if (!entry) return step(); // outside a transaction, or after its end: the step says so
  const turn = entry.turn.then(step);
  entry.turn = turn.catch((error) => {
    if (!entry.tx) throw error; // never opened: the steps after fail with the same error
  });
  entry.turn.catch(() => undefined);
  return turn;
}

/** Queries and exec, outside or inside a transaction (`tx`). */
function target(tx) {
  if (!tx) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error('Transaction is closed');
  return open.tx;
}

/**
 * Opens transaction `transaction` (its id chosen by the request thread). It is known at once, so
 * statements sent right behind `begin`, before its answer, wait for PGlite to open it (inTurn).
 */
function begin(id, transaction) {
  if (transactions.has(transaction)) return fail(id, new Error(`Transaction ${transaction} is already open`));
  let started = false;
  /** @type {(commit: boolean) => void} */
  let decide = () => undefined;
  const decided = new Promise((resolve) => (decide = resolve));
  /** @type {{ resolve: (value?: unknown) => void, reject: (error: unknown) => void }} */
  let opening = { resolve: () => undefined, reject: () => undefined };
  const opened = new Promise((resolve, reject) => (opening = { resolve, reject }));
  opened.catch(() => undefined); // reported to `begin` and to each step that waits for it
  const entry = { tx: null, decide, endId: 0, turn: opened };
  transactions.set(transaction, entry);
  pg.transaction(async (tx) => {
    started = true;
    entry.tx = tx;
    opening.resolve();
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
      if (started) return fail(entry.endId, error);
      opening.reject(error);
      fail(id, error);
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
    const { tx } = message;
    switch (op) {
      case 'query': {
        const queryOptions = { rowMode: message.rowMode };
        if (message.paramTypes) queryOptions.paramTypes = message.paramTypes;
        const run = () => runStatement(tx, message.sql, message.params ?? [], queryOptions, message.raw);
        return reply(id, await inTurn(tx, run));
      }
      case 'exec':
        return reply(id, await inTurn(tx, () => target(tx).exec(message.sql)));
      case 'begin':
        return begin(id, tx);
      case 'end':
        return await inTurn(tx, () => end(id, tx, message.commit));
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

/** Whether result texts are decoded in place (src/store/pglite-strings.js); reported with `ready`. */
const inPlace = decodeStringsInPlace();

try {
  pg = await PGlite.create(options.dataDir, { startParams: [...PGlite.defaultStartParams, ...options.startParams] });
  port.on('message', (message) => void handle(message));
  port.postMessage({ ready: true, inPlace });
} catch (error) {
  port.postMessage({ ready: false, error: describe(error) });
}
