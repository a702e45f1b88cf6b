import { is, SQL, sql } from 'drizzle-orm';
import type { Db } from './db.ts';

/** A statement built once; each run fills its placeholders (`sql.placeholder(name)`). */
interface Prepared<T> {
  execute(values?: Record<string, unknown>): Promise<T>;
}

/** A drizzle query not yet run (a select built on some handle). */
interface Preparable<T> {
  prepare(name: string): Prepared<T>;
}

/** Statements kept per handle and read: beyond this many shapes, the least recently used is dropped. */
const MAX_SHAPES = 1000;

/**
 * A hot read whose SQL text is built once per database handle and shape (issue 16). drizzle builds
 * a statement's text from its query-builder objects at every run: on a ticket read that was a
 * quarter of the request thread's work, more than running the statements.
 *
 * `keyOf(shape)` must name everything the built SQL depends on besides its placeholders: two
 * shapes with the same key run the statement built for the first one. The visibility rules name
 * theirs next to them (`visibilityKey`, `eventVisibilityKey`).
 *
 * Statements are kept per handle: a transaction is a handle of its own, so a statement built on
 * the database never runs outside a transaction it was asked for in. The name passed to drizzle
 * is empty: node-postgres then sends an unnamed statement each run (no server-side statement
 * piles up per connection), and the embedded store's thread keeps its own prepared statements.
 */
export function preparedRead<S, T>(keyOf: (shape: S) => string, build: (db: Db, shape: S) => Preparable<T>) {
  const handles = new WeakMap<Db, Map<string, Prepared<T>>>();
  return (db: Db, shape: S, values: Record<string, unknown> = {}): Promise<T> => {
    let statements = handles.get(db);
    if (!statements) handles.set(db, (statements = new Map()));
    return kept(statements, keyOf(shape), () => build(db, shape)).execute(values);
  };
}

/** The statement kept under `key`, built on first use; beyond MAX_SHAPES the least recently used is dropped. */
function kept<T>(statements: Map<string, Prepared<T>>, key: string, build: () => Preparable<T>): Prepared<T> {
  let statement = statements.get(key);
  // A Map keeps insertion order: the statement used now goes last, the least recently used is first.
  if (statement) statements.delete(key);
  else {
    statement = build().prepare('');
    if (statements.size >= MAX_SHAPES) statements.delete(statements.keys().next().value!);
  }
  statements.set(key, statement);
  return statement;
}

/** A handle's session (drizzle 0.45: `_.session`), whose `client` is its connection (a transaction's own, in one). */
function sessionOf(db: Db): { client: unknown } {
  return (db as unknown as { _: { session: { client: unknown } } })._.session;
}

/**
 * `statement`, built on another handle of the same kind of store, run by `db`'s connection: a
 * drizzle prepared statement runs on its `client`. test/store/built-once.test.ts checks on both
 * stores that it then runs in the transaction given.
 */
function runBy<T>(statement: Prepared<T>, db: Db): Prepared<T> {
  const { client } = sessionOf(db);
  if ((statement as unknown as { client: unknown }).client === client) return statement;
  const bound = Object.create(statement) as Prepared<T> & { client: unknown };
  bound.client = client;
  return bound;
}

/**
 * A statement whose SQL text is built once per shape and run in whatever handle is given, a
 * transaction included (issue 16). A creation's statements run in a transaction of their own, a
 * handle used once, so `preparedRead` cannot keep them; building them at every run cost about a
 * millisecond of the request thread per creation, while the creation's transaction held the store.
 *
 * Statements are kept per kind of store (a drizzle session class: each calls its driver its own
 * way). `keyOf(shape)` must name everything the built SQL depends on besides its placeholders (for
 * an insert, `insertShape`). The result is awaited like a drizzle query: the statement is sent when
 * it is awaited, one microtask after the call, so `inOrder` keeps the order of a batch that mixes both.
 */
export function builtOnce<S, T>(keyOf: (shape: S) => string, build: (db: Db, shape: S) => Preparable<T>) {
  const kinds = new Map<unknown, Map<string, Prepared<T>>>();
  return (db: Db, shape: S, values: Record<string, unknown>): PromiseLike<T> => ({
    then<A = T, B = never>(
      onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
      onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
    ): PromiseLike<A | B> {
      const kind = sessionOf(db).constructor;
      let statements = kinds.get(kind);
      if (!statements) kinds.set(kind, (statements = new Map()));
      const statement = kept(statements, keyOf(shape), () => build(db, shape));
      return runBy(statement, db).execute(values).then(onFulfilled, onRejected);
    },
  });
}

/**
 * An insert built once per shape of its rows (`insertShape`) by `build(db, rows)`, which gets the
 * rows as placeholders; awaited like `builtOnce`'s statements.
 */
export function builtInsert<T>(build: (db: Db, rows: Record<string, unknown>[]) => Preparable<T>) {
  const statement = builtOnce(
    (shape: InsertShape) => shape.key,
    (db, shape) => build(db, shape.rows),
  );
  return (db: Db, rows: readonly Record<string, unknown>[]): PromiseLike<T> => {
    const shape = insertShape(rows);
    return statement(db, shape, shape.values);
  };
}

/**
 * A value the store computes as it writes a row (`builtInsert`): an SQL expression made only of
 * placeholders and fixed text, so that its text can be part of the statement built once. `name`
 * stands for that text in the shape's key (two expressions of the same name must be the same
 * text); `values` fill its placeholders as they are, without the column's encoder (so texts and
 * numbers; a JSON value is given as its text and cast in the SQL). Their names must not start
 * with a digit (those of the rows' own values do); a name given twice must have the same value.
 */
export class StoreValue {
  constructor(
    readonly name: string,
    readonly expression: SQL,
    readonly values: Record<string, unknown>,
  ) {}
}

/** The rows of an insert as placeholders, with the values to fill them and the key of their shape. */
interface InsertShape {
  /** The keys given, row by row; those given as null are bound as a fixed NULL, not a placeholder. */
  key: string;
  rows: Record<string, unknown>[];
  values: Record<string, unknown>;
}

/**
 * An insert's rows with each value given (not undefined) as a placeholder. A key left undefined
 * takes its column's default, as in drizzle; a null stays a fixed NULL parameter, as drizzle binds it,
 * and is not made a placeholder: a filled placeholder goes through the column's encoder, which would
 * turn it into the JSON text `null`. So which keys are null is part of the shape.
 */
function insertShape(rows: readonly Record<string, unknown>[]): InsertShape {
  const values: Record<string, unknown> = {};
  const keys: string[] = [];
  const placeholders = rows.map((row, i) => {
    const out: Record<string, unknown> = {};
    const given = Object.keys(row)
      .filter((k) => row[k] !== undefined)
      .sort();
    for (const k of given) {
      const value = row[k];
      // An SQL expression would be built into the first shape's text and reused for every other.
      if (is(value, SQL)) throw new Error(`insertShape: ${k} is an SQL expression`);
      if (value === null) out[k] = null;
      else if (value instanceof StoreValue) {
        out[k] = value.expression;
        for (const [name, filled] of Object.entries(value.values)) {
          if (name in values && values[name] !== filled) throw new Error(`insertShape: ${name} has two values`);
          values[name] = filled;
        }
      } else {
        const name = `${i}.${k}`;
        out[k] = sql.placeholder(name);
        values[name] = value;
      }
    }
    keys.push(given.map((k) => keyOf(k, row[k])).join(','));
    return out;
  });
  return { key: keys.join('|'), rows: placeholders, values };
}

/** A value's part of its row's shape: its column, and what is fixed in the statement's text. */
function keyOf(column: string, value: unknown): string {
  if (value === null) return `${column}=null`;
  if (value instanceof StoreValue) return `${column}=(${value.name})`;
  return column;
}
