import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from './audit.ts';
import { tablesInLoadOrder } from './backup.ts';
import type { Db } from './db.ts';

/**
 * AUD-3: the reads of a party's export, all inside the caller's REPEATABLE READ transaction (one
 * snapshot). `export_tickets` (temporary, dropped at commit) holds the exported tickets; every kind
 * is selected relative to it. Rows travel as `row_to_json` text of their stored columns (generated
 * columns such as search vectors are left out: the importing store computes them).
 */

/** One batch of a kind: its JSON Lines (no trailing newline) and how many rows they hold. */
export interface ExportChunk {
  text: string;
  rows: number;
  /** Tickets only: the batch's tickets.csv fields, a JSON array of `TicketCsvFields`. */
  csv?: string;
}

export interface ExportKind {
  kind: string;
  read(tx: Db, batch: number): AsyncGenerator<ExportChunk>;
}

/**
 * Fills `export_tickets` with the tickets the party takes part in (and, with `visible`, that the
 * exporting actor may see) and `export_params` with the attachment levels exported; returns the count.
 */
export async function createExportSnapshot(
  tx: Db,
  party: string,
  visible: SQL | null,
  levels: string[],
): Promise<number> {
  const where = visible ? sql`and ${visible}` : sql``;
  // With the columns that name other rows, so that the kinds which follow them need not read the tickets again.
  await tx.execute(sql`create temp table export_tickets on commit drop as
    select tickets.id, tickets.owner_party, tickets.holder_party, tickets.participants, tickets.group_id,
      tickets.assignee_id, tickets.created_by
    from tickets where tickets.participants @> array[${party}]::text[] ${where}`);
  await tx.execute(sql`create index on export_tickets (id)`);
  await tx.execute(sql`analyze export_tickets (id)`);
  await tx.execute(
    sql`create temp table export_params on commit drop as select ${`{${levels.join(',')}}`}::text[] as export_levels`,
  );
  const exportable = (alias: string) =>
    sql`${sql.raw(alias)}.sensitivity in (select unnest(export_levels) from export_params)`;
  // CBM-6: the meetings the party organised, attends or holds an action item of.
  await tx.execute(sql`create temp table export_meetings on commit drop as
    select m.id from expert_meetings m where ${exportable('m')} and (m.organiser_party = ${party}
      or m.participants @> jsonb_build_array(jsonb_build_object('party', ${party}::text))
      or exists (select 1 from meeting_actions a where a.meeting_id = m.id and a.party = ${party}))`);
  // CBM-3: the party's submissions, those it asked about and those discussed at its meetings.
  await tx.execute(sql`create temp table export_exchanges on commit drop as
    select x.id from exchanges x where ${exportable('x')} and (x.party_id = ${party}
      or exists (select 1 from exchange_questions q where q.exchange_id = x.id and q.party_id = ${party})
      or x.id in (select unnest(exchange_ids) from expert_meetings where id in (select id from export_meetings)))`);
  const rows = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from export_tickets`));
  return Number(rows[0]!.n);
}

/** A small kind: one cursor, rows fetched `batch` at a time. */
function cursorKind(kind: string, query: SQL): ExportKind {
  return {
    kind,
    async *read(tx, batch) {
      const cursor = `export_${kind}`;
      await tx.execute(sql`declare ${sql.raw(cursor)} no scroll cursor for ${query}`);
      for (;;) {
        const rows = rowsOf<{ r: string }>(await tx.execute(sql.raw(`fetch ${batch} from ${cursor}`)));
        if (rows.length === 0) break;
        yield { text: rows.map((row) => row.r).join('\n'), rows: rows.length };
        if (rows.length < batch) break;
      }
      await tx.execute(sql.raw(`close ${cursor}`));
    },
  };
}

/**
 * The fields of tickets.csv for each ticket of a batch, in the batch's order: id, ref, type, title,
 * status, priority, owner party, `sla_facts.openedAt` and `.firstInterventionAt` (as stored),
 * created, resolved and closed times (as in the JSON lines).
 */
export type TicketCsvFields = [
  string,
  string,
  string,
  string,
  string,
  string | null,
  string,
  unknown,
  unknown,
  string,
  string | null,
  string | null,
];

/**
 * Tickets in batches of `batch` in (created_at, id) order (keyset), each batch one aggregated text
 * (PGlite parses one value instead of thousands of rows) with the CSV fields beside it as one JSON
 * array, so that tickets.csv needs no parsing of the JSON lines.
 */
function ticketsKind(columns: string): ExportKind {
  return {
    kind: 'tickets',
    async *read(tx, batch) {
      let after: SQL = sql``;
      for (;;) {
        const [blob] = rowsOf<{ text: string | null; csv: string; n: number; last_at: string; last_id: string }>(
          await tx.execute(sql`
            with page as materialized (select ${sql.raw(columns)} from tickets t
              where t.id in (select id from export_tickets) ${after} order by t.created_at, t.id limit ${batch})
            select string_agg(row_to_json(p)::text, E'\n' order by p.created_at, p.id) as text,
              json_agg(json_build_array(p.id, p.ref, p.type, p.title, p.status, p.priority, p.owner_party,
                p.sla_facts->'openedAt', p.sla_facts->'firstInterventionAt', p.created_at, p.resolved_at, p.closed_at)
                order by p.created_at, p.id)::text as csv,
              count(*)::int as n,
              (select created_at::text from page order by created_at desc, id desc limit 1) as last_at,
              (select id::text from page order by created_at desc, id desc limit 1) as last_id
            from page p`),
        );
        if (!blob || Number(blob.n) === 0 || !blob.text) break;
        yield { text: blob.text, rows: Number(blob.n), csv: blob.csv };
        if (Number(blob.n) < batch) break;
        after = sql`and (t.created_at, t.id) > (${blob.last_at}::timestamptz, ${blob.last_id}::uuid)`;
      }
    },
  };
}

/**
 * Timeline events in ranges of `pagesPerBatch` table pages (a TID range scan reads each page once,
 * where looking events up by ticket reads them in index order): shared events and the party's own
 * internal ones. Lines come in the table's physical order.
 */
function eventsKind(party: string, columns: string, pagesPerBatch: number): ExportKind {
  return {
    kind: 'ticket_events',
    async *read(tx) {
      const [size] = rowsOf<{ pages: string }>(
        await tx.execute(
          sql`select (pg_relation_size('ticket_events') / current_setting('block_size')::int)::text as pages`,
        ),
      );
      for (let page = 0; page < Number(size!.pages); page += pagesPerBatch) {
        const [blob] = rowsOf<{ text: string | null; n: number }>(
          await tx.execute(sql`
            select string_agg(row_to_json(x)::text, E'\n') as text, count(*)::int as n
            from (select ${sql.raw(columns)} from ticket_events t
              where t.ctid >= ${`(${page},0)`}::tid and t.ctid < ${`(${page + pagesPerBatch},0)`}::tid
                and t.ticket_id in (select id from export_tickets) and (t.visibility = 'shared' or t.party = ${party})) x`),
        );
        if (blob?.text) yield { text: blob.text, rows: Number(blob.n) };
      }
    },
  };
}

/**
 * What a party's archive holds, one JSON Lines file per kind (docs/export.md). Rows of other
 * parties appear only as far as the exported rows name them.
 */
export async function exportKinds(tx: Db, party: string): Promise<ExportKind[]> {
  const stored = new Map((await tablesInLoadOrder(tx)).map((t) => [t.name, t.columns]));
  const cols = (table: string, alias = 't') =>
    stored
      .get(table)!
      .map((c) => `${alias}."${c}"`)
      .join(', ');
  const T = sql`(select id from export_tickets)`;
  const M = sql`(select id from export_meetings)`;
  const X = sql`(select id from export_exchanges)`;
  const referencedUsers = sql`(
    select assignee_id from export_tickets where assignee_id is not null
    union select created_by from export_tickets where created_by is not null
    union select actor_id from ticket_events where ticket_id in ${T} and actor_id is not null
      and (visibility = 'shared' or party = ${party})
  )`;
  const rows = (from: SQL) => sql`select row_to_json(x)::text as r from (${from}) x`;
  const exportable = sql`sensitivity in (select unnest(export_levels) from export_params)`;
  const all = (table: string, where: SQL) =>
    cursorKind(table, rows(sql`select ${sql.raw(cols(table))} from ${sql.raw(`"${table}"`)} t where ${where}`));
  /**
   * The cooperation records name people by id where the reads never show them: a person of
   * another party is left out (null), as in the reads, which give only their party or name.
   */
  const ownPeopleOnly = (table: string, where: SQL, people: string[]) =>
    cursorKind(
      table,
      rows(
        sql`select ${sql.join(
          stored.get(table)!.map((c) => {
            const column = sql.raw(`"${c}"`);
            if (!people.includes(c)) return sql`t.${column}`;
            return sql`case when t.${column} in (select id from users where party_id = ${party}) then t.${column} end as ${column}`;
          }),
          sql`, `,
        )} from ${sql.raw(`"${table}"`)} t where ${where}`,
      ),
    );
  return [
    all(
      'parties',
      sql`t.id = ${party} or t.id in (select unnest(participants) from export_tickets)
        or t.id in (select owner_party from export_tickets) or t.id in (select holder_party from export_tickets)
            or t.id in (select proposed_by from glossary_terms union select party_id from glossary_versions
          union select party_id from glossary_comments)
        or t.id in (select organiser_party from expert_meetings where id in ${M})
        or t.id in (select party from meeting_actions where meeting_id in ${M})
        or t.id in (select party_id from exchanges where id in ${X})`,
    ),
    all('groups', sql`t.party_id = ${party} or t.id in (select group_id from export_tickets)`),
    // No secrets: password hashes and TOTP secrets never leave; other parties' people only as named on the tickets.
    cursorKind(
      'users',
      rows(sql`select id, party_id, username, display_name,
          case when party_id = ${party} then email end as email, null::text as password_hash, roles, clearance, language,
          null::text as totp_secret, false as totp_enabled, case when party_id = ${party} then active else false end as active, created_at
        from users where party_id = ${party} or id in ${referencedUsers}`),
    ),
    all('group_members', sql`t.group_id in (select id from groups where party_id = ${party})`),
    all('ticket_counters', sql`t.party_id = ${party}`),
    ticketsKind(cols('tickets')),
    eventsKind(party, cols('ticket_events'), 1000),
    all('ticket_links', sql`t.from_id in ${T} and t.to_id in ${T}`),
    cursorKind(
      'attachments',
      rows(sql`select id, ticket_id, name, media_type, size, sha256, sensitivity, party, uploaded_by, created_at
        from attachments where ticket_id in ${T} and sensitivity in (select unnest(export_levels) from export_params)`),
    ),
    all('known_errors', sql`t.problem_id in ${T}`),
    all('calendars', sql`t.party_id = ${party}`),
    all('calendar_versions', sql`t.party_id = ${party}`),
    all('sla_targets', sql`t.party_id = ${party}`),
    all('service_targets', sql`t.party_id = ${party}`),
    all('outages', sql`t.party_id = ${party} and (t.ticket_id is null or t.ticket_id in ${T})`),
    all('maintenance_windows', sql`t.party_id = ${party} and (t.release_id is null or t.release_id in ${T})`),
    all('catalogue_items', sql`t.party_id = ${party}`),
    all('information_assets', sql`t.party_id = ${party}`),
    all('asset_reviews', sql`t.asset_id in (select id from information_assets where party_id = ${party})`),
    all('trusted_cas', sql`t.id in (select ca_id from certificates where party_id = ${party})`),
    // Certificates are public parts only (the PEM certificate, never a key).
    cursorKind(
      'certificates',
      sql`select (to_jsonb(c) || jsonb_build_object('change_id', case when c.change_id in ${T} then c.change_id end))::text as r
        from certificates c where party_id = ${party}`,
    ),
    all('imt_rosters', sql`t.party_id = ${party}`),
    all('notification_prefs', sql`t.user_id in (select id from users where party_id = ${party})`),
    // CBM-1, CBM-3, CBM-4: what the party itself recorded, up to the exported levels.
    all('contact_points', sql`t.party_id = ${party} and ${exportable}`),
    all(
      'contact_point_changes',
      sql`t.contact_id in (select id from contact_points where party_id = ${party} and ${exportable})`,
    ),
    all('vulnerability_notices', sql`t.party_id = ${party} and ${exportable}`),
    // CBM-3: submissions (up to the exported levels, see createExportSnapshot), their questions and
    // answers, and the read receipts of the party's own people.
    ownPeopleOnly('exchanges', sql`t.id in ${X}`, ['created_by']),
    ownPeopleOnly('exchange_questions', sql`t.exchange_id in ${X}`, ['by_id', 'answered_by_id']),
    all('exchange_reads', sql`t.exchange_id in ${X} and t.party_id = ${party}`),
    // CBM-2: the glossary is common to every party and read whole by each: every term, version and comment.
    all('glossary_terms', sql`true`),
    ownPeopleOnly('glossary_versions', sql`true`, ['by_id']),
    ownPeopleOnly('glossary_comments', sql`true`, ['by_id']),
    // CBM-6: the party's meetings (agenda, participants, minutes, decisions) and their action items;
    // the exchanges a meeting discussed only as far as they are exported (never one above the levels).
    cursorKind(
      'expert_meetings',
      rows(
        sql`select ${sql.raw(
          stored
            .get('expert_meetings')!
            .map((c) =>
              c === 'exchange_ids'
                ? `array(select u.id from unnest(t.exchange_ids) with ordinality u(id, n)
                    where u.id in (select id from export_exchanges) order by u.n) as "exchange_ids"`
                : `t."${c}"`,
            )
            .join(', '),
        )} from expert_meetings t where t.id in ${M}`,
      ),
    ),
    ownPeopleOnly('meeting_actions', sql`t.meeting_id in ${M}`, ['done_by_id']),
  ];
}

/** Identifiers of the exported attachments (their metadata is in the `attachments` kind). */
export async function exportedAttachmentIds(tx: Db): Promise<string[]> {
  return rowsOf<{ id: string }>(
    await tx.execute(sql`select id from attachments where ticket_id in (select id from export_tickets)
      and sensitivity in (select unnest(export_levels) from export_params) order by id`),
  ).map((r) => r.id);
}

/** One attachment's bytes. */
export async function attachmentBytes(tx: Db, id: string): Promise<Buffer> {
  const row = rowsOf<{ content: string }>(
    await tx.execute(sql`select encode(content, 'base64') as content from attachments where id = ${id}`),
  )[0]!;
  return Buffer.from(row.content, 'base64');
}

/** How an imported row that is already present is treated: kept (shared rows), merged (counters) or refused. */
function onConflict(table: string, shared: boolean): string {
  if (table === 'ticket_counters')
    return 'on conflict (party_id, type, year) do update set last = greatest(ticket_counters.last, excluded.last)';
  return shared ? 'on conflict do nothing' : '';
}

/** Inserts rows of an archive (JSON objects named by column) into `table`, inside the caller's transaction. */
export async function insertArchiveRows(
  tx: Db,
  table: { name: string; columns: string[] },
  json: string[],
  shared: boolean,
): Promise<void> {
  if (json.length === 0) return;
  const list = table.columns.map((c) => `"${c}"`).join(', ');
  await tx.execute(
    sql`${sql.raw(
      `insert into "${table.name}" (${list}) select ${list} from json_populate_recordset(null::"${table.name}", `,
    )}${`[${json.join(',')}]`}${sql.raw(`::json) ${onConflict(table.name, shared)}`)}`,
  );
}
