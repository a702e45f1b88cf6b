import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
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
import { attachmentBytes, createExportSnapshot, exportedAttachmentIds, exportKinds } from '../../store/party-export.ts';
import { instanceKey, signText } from '../audit/instance-key.ts';
import { writeTarGz } from './tar.ts';

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

/** One line of tickets.csv from a ticket's JSON line. */
function ticketCsvLine(json: string): string {
  const t = JSON.parse(json) as Record<string, unknown>;
  const facts = (t.sla_facts ?? {}) as Record<string, unknown>;
  return `${csvLine([
    t.id as string,
    t.ref as string,
    t.type as string,
    t.title as string,
    t.status as string,
    (t.priority as string) ?? null,
    t.owner_party as string,
    typeof facts.openedAt === 'number' ? new Date(facts.openedAt).toISOString() : (t.created_at as string),
    typeof facts.firstInterventionAt === 'number' ? new Date(facts.firstInterventionAt).toISOString() : null,
    (t.resolved_at as string) ?? null,
    (t.closed_at as string) ?? null,
  ])}\r\n`;
}

export interface ExportProgress {
  (done: number, total: number): Promise<void> | void;
}

/**
 * AUD-3: writes a party's archive (.tar.gz) to `out`: JSON Lines per kind, tickets.csv, the
 * attachment files and manifest.json (SHA-256 of every file, signed with the instance key). With
 * an `actor`, tickets are those the actor may see (party, clearance, team); the operator's CLI
 * exports every ticket the party takes part in. One REPEATABLE READ snapshot: a consistent archive.
 */
export async function exportParty(
  db: Db,
  party: string,
  out: string,
  options: { actor?: Actor; progress?: ExportProgress; batch?: number } = {},
): Promise<Manifest> {
  const batch = options.batch ?? 5000;
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-export-'));
  try {
    const files: ManifestFile[] = [];
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
        let done = 0;
        await options.progress?.(0, total);
        for (const { kind, read } of await exportKinds(tx, party)) {
          const path = `${kind}.jsonl`;
          const hash = createHash('sha256');
          const stream = createWriteStream(join(dir, path));
          let count = 0;
          let bytes = 0;
          const csv = kind === 'tickets' ? createWriteStream(join(dir, 'tickets.csv')) : null;
          const csvHash = createHash('sha256');
          let csvBytes = 0;
          const put = async (w: ReturnType<typeof createWriteStream>, text: string) => {
            if (!w.write(text)) await new Promise<void>((resolve) => w.once('drain', () => resolve()));
          };
          if (csv) {
            const head = `${TICKET_CSV.join(',')}\r\n`;
            csvHash.update(head);
            csvBytes += Buffer.byteLength(head);
            await put(csv, head);
          }
          for await (const { text, rows } of read(tx, batch)) {
            const chunk = `${text}\n`;
            hash.update(chunk);
            bytes += Buffer.byteLength(chunk);
            await put(stream, chunk);
            if (csv) {
              const csvChunk = text.split('\n').map(ticketCsvLine).join('');
              csvHash.update(csvChunk);
              csvBytes += Buffer.byteLength(csvChunk);
              await put(csv, csvChunk);
              done += rows;
              await options.progress?.(done, total);
            }
            count += rows;
          }
          await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
          files.push({ path, kind, rows: count, bytes, sha256: hash.digest('hex') });
          if (csv) {
            await new Promise<void>((resolve, reject) => csv.end((e?: Error | null) => (e ? reject(e) : resolve())));
            files.push({
              path: 'tickets.csv',
              kind: 'tickets_csv',
              rows: count,
              bytes: csvBytes,
              sha256: csvHash.digest('hex'),
            });
          }
        }
        // Attachment files, one per attachment, named by id.
        await mkdir(join(dir, 'attachments'));
        for (const id of await exportedAttachmentIds(tx)) {
          const content = await attachmentBytes(tx, id);
          const path = `attachments/${id}`;
          await writeFile(join(dir, path), content);
          files.push({
            path,
            kind: 'attachment_file',
            rows: 1,
            bytes: content.length,
            sha256: createHash('sha256').update(content).digest('hex'),
          });
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
    await writeTarGz(dir, ['manifest.json', 'manifest.sig', ...files.map((f) => f.path)], out);
    return manifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
