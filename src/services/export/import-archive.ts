import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { issuesOf } from '../../domain/details.ts';
import { AppError } from '../../domain/errors.ts';
import { migrationCount, tablesInLoadOrder } from '../../store/backup.ts';
import type { Db } from '../../store/db.ts';
import { GLOSSARY_PARTS, insertNewGlossaryTerms } from '../../store/import-glossary.ts';
import { insertArchiveRows } from '../../store/party-export.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { signatureValid } from '../audit/instance-key.ts';
import { ManifestSchema, type Manifest } from './export-party.ts';
import { extractTarGz } from './tar.ts';

const invalid = (reason: string) => new AppError('archive.invalid', 'file', { reason });

/**
 * Rows another export may already have brought (shared parties, the other party's people): kept as
 * they are. The glossary, common to every party, is merged term by term (store/import-glossary.ts).
 */
const SHARED = new Set(['parties', 'groups', 'users', 'trusted_cas', ...GLOSSARY_PARTS]);

async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Unpacks and checks an archive completely (format, signature, every checksum) before anything is written. */
export async function checkArchive(file: string, dir: string): Promise<Manifest> {
  let names: string[];
  try {
    names = await extractTarGz(file, dir);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  if (!names.includes('manifest.json')) throw invalid('not a Passerelle export (no manifest.json)');
  const text = await readFile(join(dir, 'manifest.json'), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('manifest.json is not JSON');
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.some((i) => i.path[0] === 'format')
        ? 'not a Passerelle export (format)'
        : `manifest.json: ${issuesOf(parsed.error)}`,
    );
  const manifest = parsed.data;
  const signature = names.includes('manifest.sig') ? await readFile(join(dir, 'manifest.sig'), 'utf8') : '';
  if (!signatureValid(manifest.publicKey, text, signature)) throw invalid('the manifest signature does not match');
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of names)
    if (name !== 'manifest.json' && name !== 'manifest.sig' && !listed.has(name))
      throw invalid(`unlisted file ${name}`);
  for (const f of manifest.files) {
    if (!names.includes(f.path)) throw invalid(`missing file ${f.path}`);
    const actual = await sha256File(join(dir, f.path));
    if (actual.sha256 !== f.sha256 || actual.bytes !== f.bytes) throw invalid(`checksum mismatch for ${f.path}`);
  }
  return manifest;
}

async function* lines(path: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of reader) if (line) yield line;
}

export interface ImportResult {
  party: string;
  fromInstance: string;
  rows: Record<string, number>;
}

/**
 * AUD-3: loads a party's archive into this instance, in one transaction (a failure anywhere leaves
 * the instance unchanged). Identifiers, timestamps, timelines and SLA facts are kept as exported.
 */
export async function importArchive(
  db: Db,
  file: string,
  actorId: string | null = null,
  batch = 2000,
): Promise<ImportResult> {
  const dir = await mkdtemp(join(tmpdir(), 'passerelle-import-'));
  try {
    const manifest = await checkArchive(file, dir);
    const ours = await migrationCount(db);
    if (manifest.migrations !== ours)
      throw invalid(`exported by a version with ${manifest.migrations} migrations, this one has ${ours}`);
    const order = await tablesInLoadOrder(db);
    const kinds = new Map(manifest.files.filter((f) => f.path.endsWith('.jsonl')).map((f) => [f.kind, f]));
    for (const kind of kinds.keys()) if (!order.some((t) => t.name === kind)) throw invalid(`unknown kind ${kind}`);
    const rows: Record<string, number> = {};
    // The glossary terms this import brought: only their versions and comments are loaded.
    const newTerms = new Set<string>();
    /** Loads a batch of rows; returns how many were taken. */
    const load = async (tx: Db, table: { name: string; columns: string[] }, json: string[]) => {
      if (table.name === 'glossary_terms') {
        const ids = await insertNewGlossaryTerms(tx, table, json);
        for (const id of ids) newTerms.add(id);
        return ids.length;
      }
      const taken = GLOSSARY_PARTS.has(table.name)
        ? json.filter((line) => newTerms.has((JSON.parse(line) as { term_id: string }).term_id))
        : json;
      await insertArchiveRows(tx, table, taken, SHARED.has(table.name));
      return taken.length;
    };
    await db.transaction(async (tx) => {
      for (const table of order) {
        const f = kinds.get(table.name);
        if (!f) continue;
        let pending: string[] = [];
        const flush = async () => {
          const taken = await load(tx, table, pending);
          if (taken > 0) rows[table.name] = (rows[table.name] ?? 0) + taken;
          pending = [];
        };
        for await (const line of lines(join(dir, f.path))) {
          if (table.name === 'attachments') {
            const row = JSON.parse(line) as { id: string };
            const content = await readFile(join(dir, `attachments/${row.id}`)).catch(() => {
              throw invalid(`missing attachment file ${row.id}`);
            });
            pending.push(JSON.stringify({ ...row, content: `\\x${content.toString('hex')}` }));
          } else pending.push(line);
          if (pending.length >= batch) await flush();
        }
        await flush();
      }
      await writeAudit(tx, {
        actorId,
        party: manifest.party,
        action: 'archive.import',
        targetId: manifest.party,
        data: { fromInstance: manifest.instanceId, createdAt: manifest.createdAt, keyId: manifest.keyId, rows },
      });
    });
    return { party: manifest.party, fromInstance: manifest.instanceId, rows };
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string; detail?: string } }).cause?.code ??
      (error as { code?: string }).code;
    if (code === '23505' || code === '23503') {
      const detail =
        (error as { cause?: { detail?: string } }).cause?.detail ?? (error as { detail?: string }).detail ?? '';
      throw invalid(
        code === '23505' ? `already present in this instance ${detail}` : `refers to a missing row ${detail}`,
      );
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function archiveSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
