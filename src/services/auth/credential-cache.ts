import { forgetAllowlists } from '../access/allowlist-cache.ts';
import { listenChannel } from '../../store/channel-listener.ts';
import { loadSessionFacts, loadTokenFacts } from '../../store/auth.ts';
import type { Db } from '../../store/db.ts';
import type { UserRow } from '../../store/directory.ts';
import type { apiTokens, sessions } from '../../store/schema/index.ts';

/** The channel of migration 0017: a change to a credential, a user, a party's rules or an allow-list. */
export const AUTH_CHANGED = 'auth_changed';

/** A presented credential: which kind, and the digest of its secret. */
export interface Credential {
  kind: 'token' | 'session';
  digest: string;
}

/** What deciding on a credential needs: the credential, its user, the party's TOTP rule, the stamp read with them. */
export interface CredentialFacts {
  token?: typeof apiTokens.$inferSelect;
  session?: typeof sessions.$inferSelect;
  user: UserRow;
  requireTotp: boolean;
  stamp: string;
}

const MAX_ENTRIES = 10_000;

/**
 * This node's copy of the credentials in use (digest → facts), so that a request authenticates
 * without reading the database. Its entries never outlive a change that alters their outcome:
 *
 * - **PostgreSQL (several nodes)**: each entry carries the `auth_stamp` version it was read with.
 *   Every request reads the current version in the statement it runs anyway (the shared rate-limit
 *   counter), and an entry read at another version is not used: the copy is dropped and the
 *   credential read again. A change committed on any node is thus seen by the very next request.
 * - **Embedded store (one process)**: the change's `auth_changed` announcement, delivered when its
 *   transaction commits and before the writer's statement returns, drops the copy; until the
 *   listener is in place, and when it is lost, nothing is answered from the copy.
 *
 * Expiry instants are checked again on every use; absent or refused credentials are never kept.
 */
export class CredentialCache {
  readonly shared: boolean;
  readonly db: Db;
  private entries = new Map<string, CredentialFacts>();
  /** Bumped by every drop: a read that started before a drop is not kept. */
  private generation = 0;
  /** Embedded store: whether the announcements are being heard (else the copy is not trusted). */
  private hearing = false;
  /** PostgreSQL: the stamp last read (the copy, allow-lists included, is as new as it). */
  private seen: string | undefined;
  private stop: Promise<() => Promise<void>> | undefined;

  constructor(db: Db, shared: boolean) {
    this.db = db;
    this.shared = shared;
    if (!shared) {
      this.stop = listenChannel(db, AUTH_CHANGED, {
        message: () => this.drop(),
        resumed: () => this.drop(),
      });
      this.stop.then(
        () => {
          this.hearing = true;
        },
        () => undefined,
      );
    }
  }

  /** Forgets every copy (a change was announced, or a newer stamp was seen). */
  drop(): void {
    this.generation += 1;
    this.entries.clear();
    forgetAllowlists(this.db);
  }

  /**
   * The copy of a credential, if it may be used at `now` without reading the database. On
   * PostgreSQL the caller must still confirm its stamp (`confirmed`) before relying on it.
   */
  get(credential: Credential, now: Date): CredentialFacts | undefined {
    if (!this.shared && !this.hearing) return undefined;
    const key = `${credential.kind}:${credential.digest}`;
    const facts = this.entries.get(key);
    if (!facts) return undefined;
    if (!stillValid(facts, now)) {
      this.entries.delete(key);
      return undefined;
    }
    return facts;
  }

  /** PostgreSQL: whether facts read at their stamp still hold at the `current` one (else the copy is dropped). */
  confirmed(facts: CredentialFacts, current: string): boolean {
    this.observe(current);
    return facts.stamp === current;
  }

  /** PostgreSQL: a stamp read from the database; another than the last one seen drops the whole copy. */
  private observe(stamp: string): void {
    if (this.seen !== undefined && stamp !== this.seen) this.drop();
    this.seen = stamp;
  }

  /** Reads a credential from the database (one statement) and keeps a copy when it is usable. */
  async load(credential: Credential, now: Date): Promise<CredentialFacts | null> {
    const generation = this.generation;
    const row =
      credential.kind === 'token'
        ? await loadTokenFacts(this.db, credential.digest, now)
        : await loadSessionFacts(this.db, credential.digest, now);
    if (!row) return null;
    const facts: CredentialFacts = row;
    if (this.shared) this.observe(facts.stamp);
    const keep = this.shared ? facts.stamp === this.seen : generation === this.generation && this.hearing;
    if (keep) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(`${credential.kind}:${credential.digest}`, facts);
    }
    return facts;
  }

  /** Stops listening (the app closes). */
  async close(): Promise<void> {
    this.hearing = false;
    this.entries.clear();
    const unlisten = await this.stop?.catch(() => undefined);
    await unlisten?.().catch(() => undefined);
  }
}

/** Expiry is a matter of time, not of a change: checked on every use. */
function stillValid(facts: CredentialFacts, now: Date): boolean {
  if (facts.session) return facts.session.expiresAt > now;
  const expiresAt = facts.token?.expiresAt;
  return !expiresAt || expiresAt > now;
}
