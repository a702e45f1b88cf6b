import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { issuesOf } from '../domain/details.ts';
import { AppError } from '../domain/errors.ts';
import { rowsOf } from './audit.ts';
import type { Db } from './db.ts';

/**
 * AUD-5: a consistent logical copy of the whole instance (every table of the `public` schema),
 * the same format from PGlite and PostgreSQL, restorable into either (docs/backup.md).
 *
 * File: gzip of lines. Line 1 is the header (JSON); then one line per row, `table<TAB>row JSON`;
 * the last line is the trailer (JSON) with the row count and the SHA-256 of every line before it,
 * so a truncated or altered file is refused before anything is written.
 */
export const BACKUP_FORMAT = 'passerelle-backup-v1';

interface TableInfo {
  name: string;
  columns: string[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The application's tables, parents before children (foreign keys), with their stored (non-generated) columns. */
export async function tablesInLoadOrder(db: Db): Promise<TableInfo[]> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select c.relname as table_name, a.attname as column_name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind = 'r' order by c.relname, a.attnum`),
  );
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      select ch.relname as child, pa.relname as parent from pg_constraint k
      join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
      join pg_namespace n on n.oid = ch.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and ch.oid <> pa.oid`),
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  const parents = new Map<string, Set<string>>();
  for (const e of edges) parents.set(e.child, (parents.get(e.child) ?? new Set()).add(e.parent));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent, path);
    ordered.push(name);
  };
  for (const name of [...byTable.keys()].sort()) visit(name, new Set());
  return ordered.map((name) => ({ name, columns: byTable.get(name)! }));
}

export async function migrationCount(db: Db): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(
    await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
  );
  return Number(rows[0]!.n);
}

export interface BackupResult {
  file: string;
  rows: number;
  tables: Record<string, number>;
  bytes: number;
  sha256: string;
  startedAt: string;
  finishedAt: string;
}

/**
 * Writes the backup to `file` (through a temporary name, renamed when complete). On PostgreSQL it
 * reads one REPEATABLE READ, READ ONLY snapshot while the other connections keep serving; on PGlite
 * the single connection makes the transaction a consistent snapshot by itself.
 */
export async function backupStore(db: Db, file: string, batch = 5000): Promise<BackupResult> {
  const startedAt = new Date();
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 1 });
  const out = createWriteStream(partial);
  const done = pipeline(gzip, out);
  const lines = createHash('sha256');
  const write = async (text: string) => {
    lines.update(text);
    if (!gzip.write(text)) await new Promise((resolve) => gzip.once('drain', resolve));
  };
  const tables: Record<string, number> = {};
  let total = 0;
  try {
    await db.transaction(
      async (tx) => {
        const order = await tablesInLoadOrder(tx);
        const version = rowsOf<{ v: string }>(await tx.execute(sql`select version() as v`))[0]!.v;
        const engine = version.includes('PGlite') ? 'pglite' : 'postgres';
        const header = {
          format: BACKUP_FORMAT,
          createdAt: startedAt.toISOString(),
          engine,
          migrations: await migrationCount(tx),
          tables: order.map((t) => ({ name: t.name, columns: t.columns })),
        };
        await write(`${JSON.stringify(header)}\n`);
        for (const table of order) {
          const cursor = `backup_${table.name}`;
          const list = table.columns.map(ident).join(', ');
          await tx.execute(
            sql.raw(
              `declare ${ident(cursor)} no scroll cursor for select row_to_json(x)::text as r from (select ${list} from ${ident(table.name)}) x`,
            ),
          );
          let count = 0;
          for (;;) {
            const rows = rowsOf<{ r: string }>(await tx.execute(sql.raw(`fetch ${batch} from ${ident(cursor)}`)));
            if (rows.length === 0) break;
            let chunk = '';
            for (const row of rows) chunk += `${table.name}\t${row.r}\n`;
            await write(chunk);
            count += rows.length;
            if (rows.length < batch) break;
          }
          await tx.execute(sql.raw(`close ${ident(cursor)}`));
          tables[table.name] = count;
          total += count;
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const digest = lines.digest('hex');
    gzip.end(`${JSON.stringify({ end: BACKUP_FORMAT, rows: total, sha256: digest })}\n`);
    await done;
    await rename(partial, file);
    const fileHash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(file)) {
      fileHash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    return {
      file,
      rows: total,
      tables,
      bytes,
      sha256: fileHash.digest('hex'),
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
    };
  } catch (error) {
    gzip.destroy();
    await done.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

async function* backupLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input: input, crlfDelay: Infinity });
  try {
    for await (const line of reader) yield line;
  } finally {
    reader.close();
    input.destroy();
  }
}

const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  engine: z.string(),
  createdAt: z.string(),
  migrations: z.number(),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
});
type BackupHeader = z.infer<typeof BackupHeaderSchema>;
const TrailerSchema = z.object({
  end: z.string().optional(),
  rows: z.number().optional(),
  sha256: z.string().optional(),
});

/** A header or trailer line, parsed against its schema; a line that is not one is an invalid backup. */
function lineOf<S extends z.ZodType>(schema: S, line: string, what: string): z.infer<S> {
  const parsed = schema.safeParse(JSON.parse(line));
  if (parsed.success) return parsed.data;
  const foreign = parsed.error.issues.some((i) => i.path[0] === 'format');
  throw new AppError('backup.invalid', 'file', {
    reason: foreign ? 'not a Passerelle backup' : `${what}: ${issuesOf(parsed.error)}`,
  });
}

/** Reads the whole file once: header, every line's hash, and the trailer must agree. */
export async function checkBackup(file: string): Promise<{ header: BackupHeader; rows: number }> {
  const hash = createHash('sha256');
  let header: BackupHeader | null = null;
  let trailer: z.infer<typeof TrailerSchema> | null = null;
  let rows = 0;
  try {
    for await (const line of backupLines(file)) {
      if (trailer) throw new AppError('backup.invalid', 'file', { reason: 'data after the end' });
      if (!header) {
        header = lineOf(BackupHeaderSchema, line, 'header');
        hash.update(`${line}\n`);
        continue;
      }
      if (line.startsWith('{"end"')) {
        trailer = lineOf(TrailerSchema, line, 'trailer');
        continue;
      }
      hash.update(`${line}\n`);
      rows++;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('backup.invalid', 'file', { reason: error instanceof Error ? error.message : String(error) });
  }
  if (!header) throw new AppError('backup.invalid', 'file', { reason: 'empty file' });
  const end: { rows?: number | undefined; sha256?: string | undefined } | null = trailer;
  if (!end) throw new AppError('backup.invalid', 'file', { reason: 'truncated (no end line)' });
  if (end.rows !== rows || end.sha256 !== hash.digest('hex'))
    throw new AppError('backup.invalid', 'file', { reason: 'checksum mismatch (altered)' });
  return { header, rows };
}

/**
 * Tables a fresh, migrated store fills by itself (one row each): replaced by the backup's, not counted as
 * content; everything else must be empty to restore into it.
 */
const PRESEEDED = new Set(['audit_chain_head', 'instance_settings', 'auth_stamp']);

/**
 * Brings a backup back into an empty store, in one transaction: checked first, then loaded parents
 * before children, then every serial sequence moved past the restored ids. Audit entries keep their
 * chain links (the trigger leaves rows that carry a hash alone).
 */
export async function restoreStore(
  db: Db,
  file: string,
  batch = 2000,
): Promise<{ rows: number; tables: Record<string, number> }> {
  const { header } = await checkBackup(file);
  const current = await migrationCount(db);
  if (header.migrations !== current)
    throw new AppError('backup.invalid', 'file', {
      reason: `made with ${header.migrations} migrations, this store has ${current}`,
    });
  const here = new Map((await tablesInLoadOrder(db)).map((t) => [t.name, t]));
  for (const t of header.tables) {
    const mine = here.get(t.name);
    if (!mine || mine.columns.join(',') !== t.columns.join(','))
      throw new AppError('backup.invalid', 'file', { reason: `table ${t.name} differs from this version's` });
  }
  const counts: Record<string, number> = {};
  let rows = 0;
  await db.transaction(async (tx) => {
    for (const t of header.tables) {
      if (PRESEEDED.has(t.name)) continue;
      const found = rowsOf<{ one: number }>(await tx.execute(sql.raw(`select 1 as one from ${ident(t.name)} limit 1`)));
      if (found.length > 0) throw new AppError('backup.store_not_empty', 'file', { table: t.name });
    }
    for (const name of PRESEEDED) await tx.execute(sql.raw(`delete from ${ident(name)}`));
    const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]));
    let pending: string[] = [];
    let pendingTable = '';
    const flush = async () => {
      if (pending.length === 0) return;
      const list = columnsOf.get(pendingTable)!.map(ident).join(', ');
      await tx.execute(
        sql`${sql.raw(
          `insert into ${ident(pendingTable)} (${list}) select ${list} ` +
            `from json_populate_recordset(null::${ident(pendingTable)}, `,
        )}${`[${pending.join(',')}]`}${sql.raw('::json)')}`,
      );
      counts[pendingTable] = (counts[pendingTable] ?? 0) + pending.length;
      rows += pending.length;
      pending = [];
    };
    let first = true;
    for await (const line of backupLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith('{"end"')) break;
      const tab = line.indexOf('\t');
      const table = line.slice(0, tab);
      if (table !== pendingTable || pending.length >= batch) {
        await flush();
        pendingTable = table;
      }
      pending.push(line.slice(tab + 1));
    }
    await flush();
    const serials = rowsOf<{ table_name: string; column_name: string }>(
      await tx.execute(sql`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`),
    );
    for (const s of serials) {
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${ident(s.table_name)}', '${s.column_name}'), ` +
            `coalesce((select max(${ident(s.column_name)}) from ${ident(s.table_name)}), 0) + 1, false)`,
        ),
      );
    }
    // Credentials copied by running nodes (services/auth/credential-cache.ts) predate what was restored.
    await tx.execute(sql`update auth_stamp set version = version + 1`);
    await tx.execute(sql`select pg_notify('auth_changed', 'auth_stamp')`);
  });
  return { rows, tables: counts };
}
