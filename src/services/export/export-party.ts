import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/actor.ts';
import { csvLine } from '../../domain/csv.ts';
import { levelsCoveredBy } from '../../domain/sensitivity.ts';
import { ticketVisibleTo } from '../../policies/ticket-visibility.ts';
import { rowsOf } from '../../store/audit.ts';
import { migrationCount } from '../../store/backup.ts';
import type { Db } from '../../store/db.ts';
import { instanceId } from '../../store/instance.ts';
import { tickets } from '../../store/schema/index.ts';
import { instanceKey, signText } from '../audit/instance-key.ts';
import { writeTarGz } from './tar.ts';

export const ARCHIVE_FORMAT = 'passerelle-export-v1';

export interface ManifestFile {
  path: string;
  kind: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  instanceId: string;
  party: string;
  createdAt: string;
  migrations: number;
  files: ManifestFile[];
  keyId: string;
  publicKey: string;
}

/**
 * What a party's archive holds, one JSON Lines file per kind (docs/export.md). `T` is the set of
 * exported tickets; rows of other parties appear only as far as the exported rows name them.
 */
function kinds(party: string): { kind: string; query: SQL }[] {
  const T = sql`(select id from export_tickets)`;
  const ownUsers = sql`(select id from users where party_id = ${party})`;
  const referencedUsers = sql`(
    select assignee_id from tickets where id in ${T} and assignee_id is not null
    union select created_by from tickets where id in ${T} and created_by is not null
    union select actor_id from ticket_events where ticket_id in ${T} and actor_id is not null
      and (visibility = 'shared' or party = ${party}))`;
  const rows = (from: SQL) => sql`select row_to_json(x)::text as r from (${from}) x`;
  const exportable = sql`sensitivity in (select unnest(export_levels) from export_params)`;
  return [
    {
      kind: 'parties',
      query: rows(sql`select * from parties where id = ${party}
        or id in (select unnest(participants) from tickets where id in ${T})
        or id in (select owner_party from tickets where id in ${T}) or id in (select holder_party from tickets where id in ${T})`),
    },
    {
      kind: 'groups',
      query: rows(
        sql`select * from groups where party_id = ${party} or id in (select group_id from tickets where id in ${T})`,
      ),
    },
    {
      // No secrets: password hashes and TOTP secrets never leave; other parties' people only as named on the tickets.
      kind: 'users',
      query: rows(sql`select id, party_id, username, display_name,
          case when party_id = ${party} then email end as email, null::text as password_hash, roles, clearance, language,
          null::text as totp_secret, false as totp_enabled, case when party_id = ${party} then active else false end as active, created_at
        from users where party_id = ${party} or id in ${referencedUsers}`),
    },
    {
      kind: 'group_members',
      query: rows(sql`select * from group_members where group_id in (select id from groups where party_id = ${party})`),
    },
    { kind: 'ticket_counters', query: rows(sql`select * from ticket_counters where party_id = ${party}`) },
    {
      kind: 'tickets',
      query: rows(sql`select * from tickets where id in ${T} order by created_at, id`),
    },
    {
      kind: 'ticket_events',
      query:
        rows(sql`select * from ticket_events where ticket_id in ${T} and (visibility = 'shared' or party = ${party})
        order by ticket_id, seq`),
    },
    {
      kind: 'ticket_links',
      query: rows(sql`select * from ticket_links where from_id in ${T} and to_id in ${T}`),
    },
    {
      kind: 'attachments',
      query: rows(sql`select id, ticket_id, name, media_type, size, sha256, sensitivity, party, uploaded_by, created_at
        from attachments where ticket_id in ${T} and sensitivity in (select unnest(export_levels) from export_params)`),
    },
    { kind: 'known_errors', query: rows(sql`select * from known_errors where problem_id in ${T}`) },
    { kind: 'calendars', query: rows(sql`select * from calendars where party_id = ${party}`) },
    { kind: 'calendar_versions', query: rows(sql`select * from calendar_versions where party_id = ${party}`) },
    { kind: 'sla_targets', query: rows(sql`select * from sla_targets where party_id = ${party}`) },
    { kind: 'service_targets', query: rows(sql`select * from service_targets where party_id = ${party}`) },
    {
      kind: 'outages',
      query: rows(sql`select * from outages where party_id = ${party} and (ticket_id is null or ticket_id in ${T})`),
    },
    {
      kind: 'maintenance_windows',
      query: rows(
        sql`select * from maintenance_windows where party_id = ${party} and (release_id is null or release_id in ${T})`,
      ),
    },
    { kind: 'catalogue_items', query: rows(sql`select * from catalogue_items where party_id = ${party}`) },
    { kind: 'information_assets', query: rows(sql`select * from information_assets where party_id = ${party}`) },
    {
      kind: 'asset_reviews',
      query: rows(
        sql`select * from asset_reviews where asset_id in (select id from information_assets where party_id = ${party})`,
      ),
    },
    {
      kind: 'trusted_cas',
      query: rows(
        sql`select * from trusted_cas where id in (select ca_id from certificates where party_id = ${party})`,
      ),
    },
    {
      // Certificates are public parts only (the PEM certificate, never a key).
      kind: 'certificates',
      query: sql`select (to_jsonb(c) || jsonb_build_object('change_id', case when c.change_id in ${T} then c.change_id end))::text as r
        from certificates c where party_id = ${party}`,
    },
    { kind: 'imt_rosters', query: rows(sql`select * from imt_rosters where party_id = ${party}`) },
    { kind: 'notification_prefs', query: rows(sql`select * from notification_prefs where user_id in ${ownUsers}`) },
    // CBM-1, CBM-3, CBM-4: what the party itself recorded, up to the exported levels.
    {
      kind: 'contact_points',
      query: rows(sql`select * from contact_points where party_id = ${party} and ${exportable}`),
    },
    {
      kind: 'contact_point_changes',
      query: rows(sql`select * from contact_point_changes where contact_id in
        (select id from contact_points where party_id = ${party} and ${exportable})`),
    },
    {
      kind: 'vulnerability_notices',
      query: rows(sql`select * from vulnerability_notices where party_id = ${party} and ${exportable}`),
    },
    { kind: 'exchanges', query: rows(sql`select * from exchanges where party_id = ${party} and ${exportable}`) },
  ];
}

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
        const visible = options.actor ? sql`and ${ticketVisibleTo(options.actor)}` : sql``;
        await tx.execute(sql`create temp table export_tickets on commit drop as
          select ${tickets.id} as id from ${tickets} where ${tickets.participants} @> array[${party}]::text[] ${visible}`);
        const levels = options.actor ? levelsCoveredBy(options.actor.clearance) : ['LIMITED', 'SENSITIVE', 'CRITICAL'];
        await tx.execute(
          sql`create temp table export_params on commit drop as select ${`{${levels.join(',')}}`}::text[] as export_levels`,
        );
        const total = Number(
          rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from export_tickets`))[0]!.n,
        );
        let done = 0;
        await options.progress?.(0, total);
        for (const { kind, query } of kinds(party)) {
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
          const cursor = `export_${kind}`;
          await tx.execute(sql`declare ${sql.raw(cursor)} no scroll cursor for ${query}`);
          for (;;) {
            const rows = rowsOf<{ r: string }>(await tx.execute(sql.raw(`fetch ${batch} from ${cursor}`)));
            if (rows.length === 0) break;
            let chunk = '';
            let csvChunk = '';
            for (const { r } of rows) {
              chunk += `${r}\n`;
              if (csv) {
                const t = JSON.parse(r) as Record<string, unknown>;
                const facts = (t.sla_facts ?? {}) as Record<string, unknown>;
                csvChunk += `${csvLine([
                  t.id as string,
                  t.ref as string,
                  t.type as string,
                  t.title as string,
                  t.status as string,
                  (t.priority as string) ?? null,
                  t.owner_party as string,
                  typeof facts.openedAt === 'number'
                    ? new Date(facts.openedAt).toISOString()
                    : (t.created_at as string),
                  typeof facts.firstInterventionAt === 'number'
                    ? new Date(facts.firstInterventionAt).toISOString()
                    : null,
                  (t.resolved_at as string) ?? null,
                  (t.closed_at as string) ?? null,
                ])}\r\n`;
              }
            }
            hash.update(chunk);
            bytes += Buffer.byteLength(chunk);
            await put(stream, chunk);
            if (csv) {
              csvHash.update(csvChunk);
              csvBytes += Buffer.byteLength(csvChunk);
              await put(csv, csvChunk);
              done += rows.length;
              await options.progress?.(done, total);
            }
            count += rows.length;
            if (rows.length < batch) break;
          }
          await tx.execute(sql.raw(`close ${cursor}`));
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
        const ids = rowsOf<{ id: string }>(
          await tx.execute(sql`select id from attachments where ticket_id in (select id from export_tickets)
            and sensitivity in (select unnest(export_levels) from export_params)`),
        );
        for (const { id } of ids) {
          const row = rowsOf<{ content: string }>(
            await tx.execute(sql`select encode(content, 'base64') as content from attachments where id = ${id}`),
          )[0]!;
          const content = Buffer.from(row.content, 'base64');
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
