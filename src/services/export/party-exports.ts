import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { assertAdministersOwnParty } from '../../policies/audit.ts';
import type { Db } from '../../store/db.ts';
import { findUser } from '../../store/directory.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { partyExports } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { actorOf } from '../auth/actor.ts';
import { exportParty } from './export-party.ts';

export type PartyExportRow = typeof partyExports.$inferSelect;

/** AUD-3 through the API: a party administrator asks; a durable job (`party_export`) writes the archive. */
export async function requestPartyExport(
  db: Db,
  actor: Actor,
  party: string,
  now = new Date(),
): Promise<PartyExportRow> {
  assertAdministersOwnParty(actor, party);
  return db.transaction(async (tx) => {
    const row: PartyExportRow = {
      id: randomUUID(),
      partyId: party,
      requestedBy: actor.id,
      status: 'queued',
      done: 0,
      total: 0,
      file: null,
      bytes: null,
      sha256: null,
      error: null,
      createdAt: now,
      finishedAt: null,
    };
    await tx.insert(partyExports).values(row);
    await enqueueJob(tx, 'party_export', { exportId: row.id }, now);
    await writeAudit(tx, { actorId: actor.id, party, action: 'export.request', targetId: row.id }, now);
    return row;
  });
}

export async function readPartyExport(db: Db, actor: Actor, party: string, id: string): Promise<PartyExportRow> {
  assertAdministersOwnParty(actor, party);
  const rows = await db
    .select()
    .from(partyExports)
    .where(and(eq(partyExports.id, id), eq(partyExports.partyId, party)));
  if (!rows[0]) throw new AppError('request.not_found');
  return rows[0];
}

/** The finished archive as a stream (only the requesting party's administrators). */
export async function openPartyExport(db: Db, actor: Actor, party: string, id: string) {
  const row = await readPartyExport(db, actor, party, id);
  if (row.status !== 'done' || !row.file) throw new AppError('export.not_ready', undefined, { status: row.status });
  await writeAudit(db, { actorId: actor.id, party, action: 'export.download', targetId: id });
  return { row, stream: createReadStream(row.file) };
}

/** The job: runs the export as the administrator who asked (their clearance and teams apply), reporting progress. */
export function partyExportHandler(db: Db, exportDir: string) {
  return async (payload: Record<string, unknown>) => {
    const id = String(payload.exportId);
    const [row] = await db.select().from(partyExports).where(eq(partyExports.id, id));
    if (!row || row.status === 'done') return;
    const user = row.requestedBy ? await findUser(db, row.requestedBy) : null;
    if (!user) throw new Error('the requesting user no longer exists');
    await mkdir(exportDir, { recursive: true });
    const file = join(exportDir, `${row.partyId}-${id}.tar.gz`);
    await db.update(partyExports).set({ status: 'running' }).where(eq(partyExports.id, id));
    let last = 0;
    // Progress goes through other connections; not awaited, since on PGlite's single connection it can only
    // run once the export's snapshot transaction ends (PostgreSQL shows it while the export runs).
    let progressWrites: Promise<unknown> = Promise.resolve();
    try {
      await exportParty(db, row.partyId, file, {
        actor: actorOf(user),
        progress: (done, total) => {
          if (done !== total && Date.now() - last < 500) return;
          last = Date.now();
          const write = db.update(partyExports).set({ done, total }).where(eq(partyExports.id, id));
          progressWrites = progressWrites.then(() => write);
        },
      });
      await progressWrites;
      const hash = await fileSha256(file);
      await db
        .update(partyExports)
        .set({ status: 'done', file, bytes: (await stat(file)).size, sha256: hash, finishedAt: new Date() })
        .where(eq(partyExports.id, id));
    } catch (error) {
      await db
        .update(partyExports)
        .set({
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
          finishedAt: new Date(),
        })
        .where(eq(partyExports.id, id));
      throw error;
    }
  };
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
