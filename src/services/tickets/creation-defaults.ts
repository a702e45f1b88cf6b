import type { CreationDefaults } from '../../store/directory.ts';

/**
 * The defaults a creation reads of its party and parties (store/directory.ts, creationDefaults),
 * as this node last read them, per store and per party and participants. They are used, and
 * checked before commit: a creation that uses them reads them again in its own transaction and is
 * redone when they differ (create-ticket.ts, recordWithKnownDefaults), so a change (this node's,
 * another node's, or a rolled-back one read here) costs one redo and nothing else.
 */
const byStore = new WeakMap<object, Map<string, CreationDefaults>>();

/** Beyond this many (party, participants) sets per store, the oldest is forgotten. */
const MAX_KEPT = 1000;

function keyOf(party: string, participants: readonly string[]): string {
  return `${party}|${[...participants].sort().join(',')}`;
}

export function knownDefaults(store: object, party: string, participants: readonly string[]) {
  return byStore.get(store)?.get(keyOf(party, participants));
}

export function rememberDefaults(
  store: object,
  party: string,
  participants: readonly string[],
  defaults: CreationDefaults,
): void {
  let kept = byStore.get(store);
  if (!kept) byStore.set(store, (kept = new Map()));
  const key = keyOf(party, participants);
  kept.delete(key);
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, deepFreeze(defaults));
}

/** Shared by concurrent creations: none may change it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** True when two readings of the defaults are the same (same statement, so the same key order). */
export function sameDefaults(a: CreationDefaults, b: CreationDefaults): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Thrown by a creation whose defaults, read again in its transaction, had changed: it rolls back and is redone. */
export class StaleDefaults extends Error {
  constructor() {
    super('The party’s creation defaults changed since this node read them');
  }
}
