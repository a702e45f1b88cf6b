import { parseBlocks, type IpBlock } from '../../domain/ip-blocks.ts';
import { listAllAllowlistEntries } from '../../store/access.ts';
import type { Db } from '../../store/db.ts';

/** How long a node trusts its copy of the allow-lists; a change made on another node holds after at most this. */
export const ALLOWLIST_TTL_MS = 5_000;

/** The restricted parties and their blocks; a party absent from the map has no list (no restriction). */
type Lists = Map<string, IpBlock[]>;
interface State {
  lists?: Lists;
  loadedAt: number;
  loading?: Promise<Lists>;
}

/** One copy per store (tests run several stores in one process). */
const states = new WeakMap<Db, State>();

async function load(db: Db, state: State): Promise<Lists> {
  // The copy's age counts from before the read, however long the read waits for the store.
  const startedAt = Date.now();
  const rows = await listAllAllowlistEntries(db);
  const byParty = new Map<string, string[]>();
  for (const row of rows) byParty.set(row.partyId, [...(byParty.get(row.partyId) ?? []), row.cidr]);
  // A party with entries is restricted even if none parse: it then admits no address.
  const lists: Lists = new Map([...byParty].map(([party, cidrs]) => [party, parseBlocks(cidrs)]));
  state.lists = lists;
  state.loadedAt = startedAt;
  return lists;
}

/**
 * Within this much of the end of a copy's life, a request that finds it still fresh starts its
 * reload without waiting for it. Under steady traffic no request then waits: a reload found
 * expired waits for the store, behind every transaction queued there (about 70 ms at 16 creations
 * in flight on the embedded store), and every request of that moment waits with it.
 */
const RELOAD_AHEAD_MS = 1_000;

/** Every party's allow-list, from this node's copy when it is fresh (at most one load at a time). */
export async function allowlists(db: Db): Promise<Lists> {
  let state = states.get(db);
  if (!state) {
    state = { loadedAt: 0 };
    states.set(db, state);
  }
  const age = Date.now() - state.loadedAt;
  if (state.lists && age < ALLOWLIST_TTL_MS) {
    // A failed reload ahead is tried again by the next request, which waits for it once the copy expires.
    if (age >= ALLOWLIST_TTL_MS - RELOAD_AHEAD_MS) reload(db, state).catch(() => undefined);
    return state.lists;
  }
  return reload(db, state);
}

function reload(db: Db, state: State): Promise<Lists> {
  if (!state.loading) {
    state.loading = load(db, state).finally(() => {
      state.loading = undefined;
    });
  }
  return state.loading;
}

/** Drops this node's copy (after this node changed a list); other nodes catch up within the TTL. */
export function forgetAllowlists(db: Db): void {
  states.delete(db);
}
