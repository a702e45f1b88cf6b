/**
 * The embedded store seen from the request thread: PGlite runs in a worker thread
 * (src/store/pglite-worker.js) and this client forwards to it what drizzle-orm's PGlite driver and
 * our own code call — `query`, `exec`, `transaction`, `listen`, `close` — so HTTP work and the
 * store's work use two cores (issue 16).
 *
 * Protocol (postMessage, structured clone; one reply per request, in the order PGlite answers):
 * - `{ id, op: 'query', tx, sql, params, rowMode, raw, paramTypes }` → `{ id, result: Results }`.
 *   `raw` lists the oids whose values are returned as PostgreSQL's text: parsers are functions and
 *   cannot cross, and the only ones drizzle passes are identity parsers (timestamps, dates,
 *   intervals, numeric and their arrays), so the worker applies identity parsers to those oids.
 * - `{ id, op: 'exec', tx, sql }` → `{ id, result: Results[] }`.
 * - `{ id, op: 'begin', tx }` → `{ id, result: tx }` once PGlite's transaction is open. `tx` is
 *   chosen by this thread, so statements carrying it may follow `begin` at once: they wait for the
 *   transaction to open, then run inside it in the order they were sent. Every other statement
 *   waits in PGlite as it always did.
 *   `{ id, op: 'end', tx, commit }` commits or rolls back and answers when that is done.
 * - `{ id, op: 'listen', channel, listener }`, then `{ notify: listener, payload }` per
 *   notification; `{ id, op: 'unlisten', listener }`.
 * - `{ id, op: 'close' }` closes PGlite; the thread is then terminated.
 * A failure answers `{ id, error }`, the error's fields as data (PostgreSQL's `code`, `detail`,
 * `constraint`…), revived here as pg-protocol's DatabaseError, as PGlite itself throws.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { messages, type QueryOptions, type Results } from '@electric-sql/pglite';
import { projectPath } from '../paths.ts';
import { withFields } from '../domain/with-fields.ts';

interface ErrorData {
  message: string;
  stack?: string;
  database: boolean;
  name?: string;
  length?: number;
  cause?: ErrorData;
  [field: string]: unknown;
}

type Reply = { id: number; result?: unknown; error?: ErrorData };
type Notification = { notify: number; payload: string };
type Started = { ready: boolean; inPlace?: boolean; error?: ErrorData };

/** The fields of a DatabaseError its constructor sets (read-only). */
const CONSTRUCTOR_FIELDS = new Set(['message', 'stack', 'database', 'name', 'length', 'cause']);

/** An error described by the worker, as an Error of this thread with the same fields. */
function revive(data: ErrorData): Error {
  const error = data.database
    ? new messages.DatabaseError(data.message, data.length ?? 0, (data.name ?? 'error') as messages.MessageName)
    : new Error(data.message);
  for (const [field, value] of Object.entries(data)) {
    if (!CONSTRUCTOR_FIELDS.has(field)) (error as unknown as Record<string, unknown>)[field] = value;
  }
  if (data.cause) error.cause = revive(data.cause);
  if (data.stack) error.stack = data.stack;
  return error;
}

/** The statements of an open transaction, as PGlite's transaction object offers them. */
export interface ProxyTransaction {
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(query: string, options?: QueryOptions): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

const PROBE = '\u0000passerelle-parser-probe';

/** The oids of `parsers`, each checked to be an identity parser (the only kind that can be applied across the hop). */
function rawOids(options: QueryOptions | undefined): number[] | undefined {
  if (options?.serializers || options?.blob || options?.onNotice) {
    throw new Error('The embedded store thread takes no serializers, blob or notice callback');
  }
  const parsers = options?.parsers;
  if (!parsers) return undefined;
  const oids: number[] = [];
  for (const [oid, parse] of Object.entries(parsers)) {
    if (parse(PROBE) !== PROBE)
      throw new Error(`Only identity parsers cross to the embedded store thread (oid ${oid})`);
    oids.push(Number(oid));
  }
  return oids;
}

/** Found from the project's root, so the server bundle (dist/passerelle.mjs) starts the same file as the sources. */
const WORKER = projectPath('src', 'store', 'pglite-worker.js');

export class PgliteProxy {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  readonly #listeners = new Map<number, (payload: string) => void>();
  #nextId = 0;
  #nextListener = 0;
  #nextTransaction = 0;
  /** Set once the thread is gone (closed, or crashed): every later call fails with it. */
  #gone: Error | null = null;
  #closing: Promise<void> | null = null;
  /** Told once when the thread is lost other than by `close()` (the server exits: nothing would answer). */
  onLost: ((error: Error) => void) | undefined;

  /** Whether the thread decodes result texts in place (src/store/pglite-strings.js) rather than PGlite's way. */
  readonly decodesInPlace: boolean;

  private constructor(worker: Worker, decodesInPlace: boolean) {
    this.#worker = worker;
    this.decodesInPlace = decodesInPlace;
    worker.on('message', (message: Reply | Notification) => {
      if ('notify' in message) {
        this.#listeners.get(message.notify)?.(message.payload);
        return;
      }
      const call = this.#pending.get(message.id);
      if (!call) return;
      this.#pending.delete(message.id);
      if (this.#pending.size === 0) worker.unref();
      if (message.error) call.reject(revive(message.error));
      else call.resolve(message.result);
    });
    worker.on('messageerror', (error) => console.error(`Embedded store: a reply could not be read: ${error.message}`));
    worker.on('error', (error) => this.#lost(`failed: ${error.message}`));
    worker.on('exit', (code) => this.#lost(`stopped (exit code ${code})`));
  }

  /**
   * Starts the store's thread on `dataDir` (`memory://…` for a store in memory) and waits until
   * PGlite is open. `resourceLimits` bounds the thread's JavaScript heap (the tests make it run out).
   */
  static async open(dataDir: string, startParams: string[], resourceLimits?: ResourceLimits): Promise<PgliteProxy> {
    const worker = new Worker(WORKER, { workerData: { dataDir, startParams }, resourceLimits });
    const started = await new Promise<Started>((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`The embedded store's thread stopped while opening (exit code ${code})`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', (message: Started) => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        resolve(message);
      });
    });
    if (!started.ready) {
      await worker.terminate();
      throw revive(started.error ?? { message: 'The embedded store could not open', database: false });
    }
    worker.unref();
    return new PgliteProxy(worker, started.inPlace === true);
  }

  get closed(): boolean {
    return this.#gone !== null;
  }

  /** Rejects every call in flight and every later one: the thread is gone and nothing will answer them. */
  #lost(why: string) {
    if (this.#gone) return;
    this.#gone = new Error(`The embedded store's thread ${why}`);
    if (!this.#closing) {
      console.error(this.#gone.message);
      this.onLost?.(this.#gone);
    }
    for (const call of this.#pending.values()) call.reject(this.#gone);
    this.#pending.clear();
    this.#listeners.clear();
  }

  #call<T>(request: Record<string, unknown>): Promise<T> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = ++this.#nextId;
    return new Promise<T>((resolve, reject) => {
      try {
        // Every caller passes an object of its own: the id is added to it (domain/with-fields.ts).
        this.#worker.postMessage(withFields(request, { id }));
      } catch (error) {
        // A parameter that cannot be cloned (a function, a class with private state…).
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
  }

  #query<T>(tx: number, query: string, params: unknown[] | undefined, options: QueryOptions | undefined) {
    return this.#call<Results<T>>({
      op: 'query',
      tx,
      sql: query,
      params: params ?? [],
      rowMode: options?.rowMode,
      raw: rawOids(options),
      paramTypes: options?.paramTypes,
    });
  }

  #exec(tx: number, query: string, options: QueryOptions | undefined) {
    rawOids(options);
    return this.#call<Results[]>({ op: 'exec', tx, sql: query });
  }

  /** One statement (extended protocol), outside any transaction: it waits while one is open. */
  async query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#query<T>(0, query, params, options);
  }

  /** Statements separated by semicolons (simple protocol, no parameters). */
  async exec(query: string, options?: QueryOptions): Promise<Results[]> {
    return this.#exec(0, query, options);
  }

  /**
   * Runs `callback` in a transaction: committed when it resolves, rolled back when it throws (its
   * error is rethrown). PGlite runs one transaction at a time; other statements wait for its end.
   */
  async transaction<T>(callback: (tx: ProxyTransaction) => Promise<T>): Promise<T> {
    // The id is chosen here, so the callback's first statements leave right behind `begin`
    // instead of one round trip later, while the store would be held open waiting for them.
    const id = ++this.#nextTransaction;
    const begun = this.#call<number>({ op: 'begin', tx: id });
    // Its failure reaches the statements that wait for it, and is rethrown below.
    begun.catch(() => undefined);
    let closed = false;
    const open = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    const end = (commit: boolean) => this.#call<null>({ op: 'end', tx: id, commit });
    const tx: ProxyTransaction = {
      query: async (query, params, options) => {
        open();
        return this.#query(id, query, params, options);
      },
      exec: async (query, options) => {
        open();
        return this.#exec(id, query, options);
      },
      rollback: async () => {
        open();
        closed = true;
        await end(false);
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
      await begun;
    } catch (error) {
      // A transaction that never opened has nothing to roll back, and its error is the cause.
      const refused = await begun.then(
        () => undefined,
        (reason: unknown) => reason ?? new Error('The transaction could not begin'),
      );
      if (refused !== undefined) throw refused;
      if (!closed) {
        closed = true;
        // The callback's error is the one to report; a thread that is gone has rolled back anyway.
        await end(false).catch((rollback: unknown) => {
          if (!this.#gone) throw rollback;
        });
      }
      throw error;
    }
    if (!closed) {
      closed = true;
      await end(true);
    }
    return result;
  }

  /** Calls `callback` with the payload of every notification on `channel`; returns the function that stops it. */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    const listener = ++this.#nextListener;
    this.#listeners.set(listener, callback);
    try {
      await this.#call({ op: 'listen', channel, listener });
    } catch (error) {
      this.#listeners.delete(listener);
      throw error;
    }
    return async () => {
      if (!this.#listeners.delete(listener) || this.#gone) return;
      await this.#call({ op: 'unlisten', listener });
    };
  }

  /** Closes PGlite (its data directory is then consistent on disk) and ends the thread. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        if (!this.#gone) await this.#call({ op: 'close' });
      } finally {
        this.#lost('is closed');
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }
}
