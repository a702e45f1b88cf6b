import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { TicketChange } from '../../contract/live.ts';
import { userMaySee } from '../../policies/ticket-visibility.ts';
import { liveCredentialUsers } from '../../store/auth.ts';
import type { Db } from '../../store/db.ts';
import { changedTicketAudiences, listenTicketChanges } from '../../store/ticket-change-feed.ts';
import type { UserRow } from '../../store/directory.ts';
import { addressAllowed } from '../access/check-address.ts';
import { actorOf } from '../auth/actor.ts';
import { secondFactorMissing } from '../auth/second-factor.ts';

/** One open stream: whose it is, and how to reach it. */
export interface LiveReader {
  /** The credential it was opened with: `session:<id>` or `token:<id>`. */
  credential: string;
  actor: Actor;
  /** The address it was opened from: the party's allow-list is applied to it again at each check. */
  address: string;
  send(change: TicketChange): void;
  /** Changes may have been missed (the store's connection was lost): the reader should re-read. */
  resync(): void;
  /** The credential ended (sign-out, expiry, revocation, deactivation) or the node stops. */
  end(reason: 'signed_out' | 'shutdown'): void;
}

export interface FeedSettings {
  /** Open streams allowed per session or token on this node. */
  streamsPerCredential: number;
  /** Open streams allowed per user (all their sessions and tokens) on this node. */
  streamsPerUser: number;
  /** Open streams allowed on this node. */
  streamsPerNode: number;
  /** How often every open stream's credential is checked again. */
  recheckMs: number;
  log(error: unknown): void;
}

export interface TicketFeed {
  /** Adds a stream; refused (429) beyond the limit per credential, per user or per node. Returns the function that removes it. */
  open(reader: LiveReader): Promise<() => void>;
  /** Ends every stream (before the server closes). */
  closeAll(): void;
  stop(): Promise<void>;
}

/** Announcements arriving within this time are read in one query. */
const BATCH_MS = 50;
const CHUNK = 1000;

/**
 * The live feed of one node: hears every committed ticket change from the store (any node's, on
 * PostgreSQL), and tells each open stream about the tickets its reader may see — the visibility
 * rule (party, clearance, team) applied per reader, with what it knows of the ticket limited to
 * its id, reference and version. Credentials are checked again every `recheckMs`, which also
 * picks up a changed clearance, party or role, and so are the party's address allow-list and
 * mandatory second factor (the rules the sign-in hook applies when the stream opens).
 */
export function startTicketFeed(db: Db, settings: FeedSettings): TicketFeed {
  const readers = new Set<LiveReader>();
  const pending = new Set<string>();
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const deliver = async (ids: string[]) => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await changedTicketAudiences(db, ids.slice(i, i + CHUNK));
      for (const reader of readers) {
        const { actor } = reader;
        const user = {
          id: actor.id,
          partyId: actor.party,
          clearance: actor.clearance,
          roles: actor.roles,
          active: true,
        };
        for (const row of rows)
          if (userMaySee(user, row)) reader.send({ id: row.id, ref: row.ref, version: row.version });
      }
    }
  };
  const flush = () => {
    timer = undefined;
    const ids = [...pending];
    pending.clear();
    flushing = flushing.then(() => deliver(ids)).catch(settings.log);
  };
  // Listening starts with the first stream (building the app touches no database).
  let listening: Promise<() => Promise<void>> | undefined;
  const listen = () =>
    (listening ??= listenTicketChanges(db, {
      changed(id) {
        if (readers.size === 0) return;
        pending.add(id);
        timer ??= setTimeout(flush, BATCH_MS);
      },
      resumed() {
        for (const reader of readers) reader.resync();
      },
    }).catch((error: unknown) => {
      listening = undefined;
      throw error;
    }));

  const recheck = async () => {
    if (readers.size === 0) return;
    // Only the readers asked about: one that opens while the credentials are read is checked next time.
    const checked = [...readers];
    const ids = (kind: string) =>
      checked.filter((r) => r.credential.startsWith(kind)).map((r) => r.credential.slice(kind.length));
    const live = await liveCredentialUsers(db, ids('session:'), ids('token:'), new Date());
    const missing = new Map<string, Promise<boolean>>();
    const admitted = async (user: UserRow, address: string) => {
      if (!(await addressAllowed(db, user.partyId, address))) return false;
      const key = `${user.totpEnabled}:${user.partyId}`;
      if (!missing.has(key)) missing.set(key, secondFactorMissing(db, user));
      return !(await missing.get(key));
    };
    for (const reader of checked) {
      const user = live.get(reader.credential);
      if (user && (await admitted(user, reader.address))) reader.actor = actorOf(user);
      else if (readers.has(reader)) {
        readers.delete(reader);
        reader.end('signed_out');
      }
    }
  };
  const rechecking = setInterval(() => void recheck().catch(settings.log), settings.recheckMs);
  rechecking.unref();

  return {
    async open(reader) {
      await listen();
      if (readers.size >= settings.streamsPerNode)
        throw new AppError('events.node_streams_full', undefined, { max: settings.streamsPerNode });
      const count = (same: (r: LiveReader) => boolean) => [...readers].filter(same).length;
      if (count((r) => r.credential === reader.credential) >= settings.streamsPerCredential)
        throw new AppError('events.too_many_streams', undefined, { max: settings.streamsPerCredential });
      if (count((r) => r.actor.id === reader.actor.id) >= settings.streamsPerUser)
        throw new AppError('events.too_many_user_streams', undefined, { max: settings.streamsPerUser });
      readers.add(reader);
      return () => void readers.delete(reader);
    },
    closeAll() {
      for (const reader of readers) reader.end('shutdown');
      readers.clear();
    },
    async stop() {
      clearInterval(rechecking);
      clearTimeout(timer);
      if (listening) await (await listening.catch(() => async () => undefined))();
      await flushing;
    },
  };
}
