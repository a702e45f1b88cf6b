import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { csvLine } from '../../domain/csv.ts';
import { levelsCoveredBy } from '../../domain/sensitivity.ts';
import { ticketVisibleTo } from '../../policies/ticket-visibility.ts';
import { migrationCount } from '../../store/backup.ts';
import type { Db } from '../../store/db.ts';
import { instanceId } from '../../store/instance.ts';
import {
  attachmentBytes,
  createExportSnapshot,
  exportedAttachmentIds,
  exportKinds,
  type TicketCsvFields,
} from '../../store/party-export.ts';
import { instanceKey, signText } from '../audit/instance-key.ts';
import { TarGzWriter } from './tar.ts';

export const ARCHIVE_FORMAT = 'passerelle-export-v1';

const ManifestFileSchema = z.object({
  path: z.string(),
  kind: z.string(),
  rows: z.number(),
  bytes: z.number(),
  sha256: z.string(),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/** An export's manifest.json, as written here and parsed on import. */
export const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  instanceId: z.string(),
  party: z.string(),
  createdAt: z.string(),
  migrations: z.number(),
  files: z.array(ManifestFileSchema),
  keyId: z.string(),
  publicKey: z.string(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const TICKET_CSV = [
  'id',
  'ref',
  'type',
  'title',
  'status',
  'priority',
  'owner_party',
  'opened_at',
  'first_intervention_at',
  'resolved_at',
  'closed_at',
];

/** One line of tickets.csv (SLA instants as ISO 8601; the opening falls back on the creation time). */
function ticketCsvLine(t: TicketCsvFields): string {
  const iso = (instant: unknown) => (typeof instant === 'number' ? new Date(instant).toISOString() : null);
  return `${csvLine([t[0], t[1], t[2], t[3], t[4], t[5], t[6], iso(t[7]) ?? t[9], iso(t[8]), t[10], t[11]])}\r\n`;
}

export interface ExportProgress {
  (done: number, total: number): Promise<void> | void;
}

/** One file of the archive being written: its bytes are hashed and counted once, as they are written. */
class ArchiveFile {
  private readonly hash = createHash('sha256');
  private readonly stream: WriteStream;
  bytes = 0;
  rows = 0;

  constructor(
    dir: string,
    readonly path: string,
    readonly kind: string,
  ) {
    this.stream = createWriteStream(join(dir, path));
  }

  async write(data: string | Buffer, rows: number): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    this.hash.update(bytes);
    this.bytes += bytes.length;
    this.rows += rows;
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  async close(): Promise<ManifestFile> {
    await new Promise<void>((resolve, reject) => this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    return { path: this.path, kind: this.kind, rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/**
 * AUD-3: writes a party's archive (.tar.gz) to `out`: JSON Lines per kind, tickets.csv, the
 * attachment files and manifest.json (SHA-256 of every file, signed with the instance key). With
 * an `actor`, tickets are those the actor may see (party, clearance, team); the operator's CLI
 * exports every ticket the party takes part in. One REPEATABLE READ snapshot: a consistent archive.
 * Each file is compressed as soon as it is complete, while the next kind is read (TarGzWriter).
 */
export async function exportParty(
  db: Db,
  party: string,
  out: string,
  options: { actor?: Actor; progress?: ExportProgress; batch?: number } = {},
): Promise<Manifest> {
  const batch = options.batch ?? 5000;
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-export-'));
  const archive = new TarGzWriter(dir, join(dir, 'body.tar.gz'));
  try {
    const files: ManifestFile[] = [];
    const done = async (file: ArchiveFile) => {
      files.push(await file.close());
      archive.add(file.path);
    };
    const instance = await instanceId(db);
    const key = await instanceKey(db);
    let migrations = 0;
    await db.transaction(
      async (tx) => {
        migrations = await migrationCount(tx);
        const levels = options.actor ? levelsCoveredBy(options.actor.clearance) : ['LIMITED', 'SENSITIVE', 'CRITICAL'];
        const total = await createExportSnapshot(
          tx,
          party,
          options.actor ? ticketVisibleTo(options.actor) : null,
          levels,
        );
        let exported = 0;
        await options.progress?.(0, total);
        for (const { kind, read } of await exportKinds(tx, party)) {
          const file = new ArchiveFile(dir, `${kind}.jsonl`, kind);
          const csv = kind === 'tickets' ? new ArchiveFile(dir, 'tickets.csv', 'tickets_csv') : null;
          await csv?.write(`${TICKET_CSV.join(',')}\r\n`, 0);
          for await (const { text, rows, csv: fields } of read(tx, batch)) {
            await file.write(`${text}\n`, rows);
            if (csv) {
              await csv.write((JSON.parse(fields ?? '[]') as TicketCsvFields[]).map(ticketCsvLine).join(''), rows);
              exported += rows;
              await options.progress?.(exported, total);
            }
          }
          await done(file);
          if (csv) await done(csv);
        }
        // Attachment files, one per attachment, named by id.
        await mkdir(join(dir, 'attachments'));
        for (const id of await exportedAttachmentIds(tx)) {
          const file = new ArchiveFile(dir, `attachments/${id}`, 'attachment_file');
          await file.write(await attachmentBytes(tx, id), 1);
          await done(file);
        }
      },
      { isolationLevel: 'repeatable read' },
    );
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      instanceId: instance,
      party,
      createdAt: new Date().toISOString(),
      migrations,
      files,
      keyId: key.keyId,
      publicKey: key.publicKeyPem,
    };
    const text = JSON.stringify(manifest, null, 2);
    await writeFile(join(dir, 'manifest.json'), text);
    await writeFile(join(dir, 'manifest.sig'), signText(key, text));
    await archive.finish(['manifest.json', 'manifest.sig'], out);
    return manifest;
  } finally {
    archive.abort();
    await rm(dir, { recursive: true, force: true });
  }
}
