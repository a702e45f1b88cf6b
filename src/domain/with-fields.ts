/**
 * `base` with the fields of `extra` added in place: what `{ ...base, ...extra }` gives, without
 * its cost on a hot path. Node 20's V8 (11.3) makes new hidden classes for every object built by
 * a spread followed by further fields (measured: about 20 kB for a ticket's detail, 0.3 kB for
 * one field after a spread), where only a full collection frees them; fields added to an object
 * follow hidden classes shared by every object of that shape. Node 24's V8 no longer does
 * (BENCHMARKS.md, *Objects built by spreading*).
 *
 * `base` must be an object the caller has just made and owns (nothing else holds it); `extra`, a
 * plain object (its own enumerable fields are copied; an inherited one would be too).
 */
export function withFields<A extends object, B extends object>(base: A, extra: B): Omit<A, keyof B> & B {
  const target = base as Record<string, unknown>;
  for (const key in extra) target[key] = extra[key];
  return target as Omit<A, keyof B> & B;
}
