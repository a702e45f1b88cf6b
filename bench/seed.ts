import { sql, type SQL } from 'drizzle-orm';
import { newAlerts } from '../src/domain/sla.ts';
import { loadSlaEnvironment } from '../src/services/sla/sla-environment.ts';
import { slaOf } from '../src/services/sla/ticket-sla.ts';
import { nextCheckAt } from '../src/services/sla/sla-next-check.ts';
import { nextDueAt } from '../src/services/sla/sla-due.ts';
import { recordSlaDueBackfilled } from '../src/services/sla/refresh-sla-due.ts';
import { openStore, type Db, type StoreOptions } from '../src/store/db.ts';
import { planBatch, skeleton, type PartyInfo, type Row } from './plan.ts';
import type { Priority } from '../src/domain/priority.ts';
import type { SlaFacts } from '../src/domain/sla-facts.ts';

export interface SeedResult {
  tickets: number;
  events: number;
  /** References of seeded tickets that eu.agent (EU, clearance SENSITIVE) may see, shuffled. */
  sampleRefs: string[];
  seconds: number;
}

export interface SeedOptions {
  /** Run ANALYZE afterwards so the planner has statistics (PGlite has no autovacuum). */
  analyze: boolean;
  log: (message: string) => void;
}

const BATCH = 5000;

/** Rows of a raw query (PGlite and node-postgres results both carry `rows`). */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as { rows: T[] }).rows;
}

/** Inserts rows keyed by column name in one statement, through json_populate_recordset. */
async function insertJson(db: Db, table: string, data: Row[]) {
  if (data.length === 0) return;
  const columns = sql.join(
    Object.keys(data[0]!).map((c) => sql.identifier(c)),
    sql`, `,
  );
  await db.execute(sql`INSERT INTO ${sql.identifier(table)} (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${JSON.stringify(data)}::json)`);
}

/** Per-party ids and names used to fill group, assignee and actor columns. */
const PARTIES = sql`
  SELECT p.id, d.id AS "deskId", d.name AS "deskName", rg.id AS "rgroupId", rg.name AS "rgroupName",
    a.id AS "agentId", a.display_name AS "agentName", r.id AS "resolverId", r.display_name AS "resolverName"
  FROM parties p
  JOIN groups d ON d.party_id = p.id AND d.kind = 'desk'
  JOIN LATERAL (SELECT id, name FROM groups WHERE party_id = p.id AND kind = 'resolver' ORDER BY name LIMIT 1) rg ON true
  JOIN users a ON a.username = lower(p.id) || '.agent'
  JOIN users r ON r.username = lower(p.id) || '.resolver'
  WHERE p.id IN ('EU', 'CH')`;

/** Indexes of the two bulk-loaded tables other than their primary keys, with their definitions. */
const SECONDARY_INDEXES = sql`
  SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
  JOIN pg_index x ON x.indexrelid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
  WHERE i.tablename IN ('tickets', 'ticket_events') AND NOT x.indisprimary ORDER BY i.indexname`;

/**
 * Bulk-loads `n` incidents with their timelines into the store in batches of set-based
 * inserts (no per-row round trips), then moves the ticket counters past the seeded numbers.
 * The demo parties and users must exist (`init --demo`). The same `n` gives the same tickets,
 * apart from their ids and the clock.
 */
export async function seedTickets(where: StoreOptions, n: number, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { log } = options;
  const store = await openStore(where);
  try {
    const { db } = store;
    const now = Date.now();
    const parties = new Map((await rows<PartyInfo>(db, PARTIES)).map((p) => [p.id, p]));
    if (parties.size !== 2) throw new Error('the EU and CH demo parties are missing: run `init --demo` first');
    const [instance] = await rows<{ id: string }>(
      db,
      sql`SELECT value #>> '{}' AS id FROM instance_settings WHERE key = 'instance_id'`,
    );
    const counters = await rows<{ party_id: string; year: number; last: number }>(
      db,
      sql`SELECT party_id, year, last FROM ticket_counters WHERE type = 'incident'`,
    );
    const sk = skeleton(n, now, new Map(counters.map((c) => [`${c.party_id}|${c.year}`, c.last])));
    // SLA thresholds already crossed are marked as signalled, as if the SLA monitor had run all along.
    const env = await loadSlaEnvironment(
      db,
      [...parties.keys()],
      new Date(now - 366 * 86_400_000),
      new Date(now + 366 * 86_400_000),
    );

    // Bulk-load practice: skip the per-row foreign-key triggers (every id comes from the lookups
    // above) and build the secondary indexes once at the end instead of row by row.
    const indexes = await rows<{ name: string; definition: string }>(db, SECONDARY_INDEXES);
    for (const index of indexes) await db.execute(sql`DROP INDEX ${sql.identifier(index.name)}`);
    await db.execute(sql`SET session_replication_role = replica`);
    const sample: string[] = [];
    let events = 0;
    let t0 = performance.now();
    for (let from = 0; from < n; from += BATCH) {
      const batch = planBatch(sk, from, Math.min(n, from + BATCH), parties, instance!.id, now);
      for (const ticket of batch.tickets) {
        const slaTicket = {
          id: ticket.id as string,
          type: 'incident' as const,
          ownerParty: ticket.owner_party as string,
          priority: ticket.priority as Priority,
          service: ticket.service as string,
          slaFacts: ticket.sla_facts as SlaFacts | null,
        };
        const sla = ticket.status === 'closed' ? null : slaOf(env, slaTicket, now);
        const alerts = sla ? newAlerts(sla, []) : [];
        ticket.sla_alerts = alerts;
        // As the server writes it: when the SLA check must look at the ticket next.
        const next = sla && nextCheckAt(env, { ...slaTicket, slaAlerts: alerts }, now);
        ticket.sla_next_check_at = next ? new Date(next).toISOString() : null;
        // And the queue's SLA sort key, as every write computes it (services/sla/sla-due.ts).
        const due = slaTicket.slaFacts ? nextDueAt(sla, slaTicket.slaFacts.openedAt) : null;
        ticket.sla_due_at = due === null ? null : new Date(due).toISOString();
        if ((ticket.participants as string[]).includes('EU') && ticket.sensitivity !== 'CRITICAL')
          sample.push(ticket.ref as string);
      }
      await insertJson(db, 'tickets', batch.tickets);
      await insertJson(db, 'ticket_events', batch.events);
      events += batch.events.length;
      if ((from / BATCH) % 4 === 3) log(`  ${from + batch.tickets.length} tickets planned and inserted`);
    }
    await db.execute(sql`RESET session_replication_role`);
    log(`  insert ${n} tickets, ${events} events: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    await db.execute(sql`SET maintenance_work_mem = '256MB'`);
    for (const index of indexes) await db.execute(sql.raw(index.definition));
    log(`  rebuild ${indexes.length} indexes: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    for (const [key, last] of sk.last) {
      const [party, year] = key.split('|');
      await db.execute(sql`INSERT INTO ticket_counters (party_id, type, year, last) VALUES (${party}, 'incident', ${Number(year)}, ${last})
        ON CONFLICT (party_id, type, year) DO UPDATE SET last = greatest(ticket_counters.last, excluded.last)`);
    }
    // The next check instants above were computed with the parties' current SLA settings.
    await db.execute(sql`UPDATE parties SET sla_checked_stamp = sla_stamp`);
    // Their SLA due instants too: the server's first start has no backfill to do.
    await recordSlaDueBackfilled(db);
    if (options.analyze) await db.execute(sql`ANALYZE`);
    // PostgreSQL's autovacuum would vacuum and analyse the freshly loaded tables within minutes of
    // the load; doing it now measures that steady state, as `serve` does on the embedded store.
    if (store.kind === 'postgres') await db.execute(sql`VACUUM (ANALYZE) tickets, ticket_events`);
    const [total] = await rows<{ tickets: number; events: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM ticket_events)::int AS events`,
    );
    return {
      tickets: total!.tickets,
      events: total!.events,
      sampleRefs: shuffle(sample).slice(0, 5000),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.close();
  }
}

/** Fisher–Yates with a fixed seed. */
function shuffle<T>(items: T[]): T[] {
  let state = 12345;
  for (let i = items.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
