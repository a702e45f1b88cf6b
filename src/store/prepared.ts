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
    const key = keyOf(shape);
    let statement = statements.get(key);
    // A Map keeps insertion order: the statement used now goes last, the least recently used is first.
    if (statement) statements.delete(key);
    else {
      if (statements.size >= MAX_SHAPES) statements.delete(statements.keys().next().value!);
      statement = build(db, shape).prepare('');
    }
    statements.set(key, statement);
    return statement.execute(values);
  };
}
