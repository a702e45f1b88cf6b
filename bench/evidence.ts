/**
 * Evidence benchmark (AUD-1/3/5): seeds N tickets (each with two timeline events) and M chained
 * audit entries on the embedded store, then times the party export, the import of that archive
 * into a fresh store, the audit chain verification and the backup. Prints one JSON line.
 * Usage: node --import tsx bench/evidence.ts [--tickets 100000] [--audit 200000]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { entryHash, GENESIS_HASH } from '../src/domain/audit-chain.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { verifyAuditChain } from '../src/services/audit/verify-chain.ts';
import { exportParty } from '../src/services/export/export-party.ts';
import { importArchive } from '../src/services/export/import-archive.ts';
import { backupStore } from '../src/store/backup.ts';
import { openStore } from '../src/store/db.ts';
import { instanceId } from '../src/store/instance.ts';

const { values } = parseArgs({
  options: { tickets: { type: 'string', default: '100000' }, audit: { type: 'string', default: '200000' } },
  allowPositionals: true,
  strict: false,
});
const n = Number(values.tickets);
const m = Number(values.audit);
const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-evidence-'));
const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (from: number) => (performance.now() - from) / 1000;

try {
  const store = await openStore({ dataDir: join(dir, 'source') });
  const instance = await instanceId(store.db);
  await seedDemo(store.db, instance);
  let t = performance.now();
  const start = Date.parse('2026-10-01T00:00:00Z');
  await store.db.execute(sql`
    INSERT INTO tickets (id, ref, type, owner_party, holder_party, participants, title, description, service,
      impact, criticality, priority, sensitivity, status, channel, sla_facts, event_seq, created_at, updated_at)
    SELECT gen_random_uuid(), 'EU-INC-2025-' || lpad(g::text, 7, '0'), 'incident', 'EU', 'EU', ARRAY['EU','CH'],
      'Bench ticket ' || g, 'Something broke on the link', 'Link', 'I2', 'C2', 'P' || (1 + g % 5), 'LIMITED', 'in_progress', 'api',
      jsonb_build_object('openedAt', t, 'firstInterventionAt', t + 3600000, 'segments', jsonb_build_array(
        jsonb_build_object('at', t, 'status', 'recorded', 'holder', 'EU', 'priority', 'P' || (1 + g % 5)))),
      2, to_timestamp(t / 1000.0), to_timestamp(t / 1000.0)
    FROM (SELECT g, ${start}::bigint + g::bigint * 1000 AS t FROM generate_series(1, ${n}) g) s`);
  await store.db.execute(sql`
    INSERT INTO ticket_events (id, ticket_id, seq, kind, visibility, data, actor_name, party, instance_id, created_at)
    SELECT gen_random_uuid(), t.id, s.seq, CASE s.seq WHEN 1 THEN 'created' ELSE 'comment' END, 'shared',
      CASE s.seq WHEN 1 THEN '{}'::jsonb ELSE '{"body":"Looking into it"}'::jsonb END, 'EU agent', 'EU', ${instance}::uuid, t.created_at
    FROM tickets t CROSS JOIN (VALUES (1), (2)) s(seq) WHERE t.ref LIKE 'EU-INC-2025-%'`);
  log(`seeded ${n} tickets in ${seconds(t).toFixed(1)} s`);

  // Audit entries, chained exactly as the trigger would (inserted with their links).
  t = performance.now();
  const head = (await store.db.execute(sql`select seq::int as seq, hash from audit_chain_head`)) as unknown as {
    rows: { seq: number; hash: string }[];
  };
  let seq = head.rows[0]!.seq;
  let prev = head.rows[0]!.hash ?? GENESIS_HASH;
  const at = start * 1000;
  for (let from = 0; from < m; from += 10_000) {
    const rows = [];
    for (let i = from; i < Math.min(m, from + 10_000); i++) {
      seq++;
      const entry = {
        seq,
        atMicros: String(at + i * 1000),
        actorId: null,
        party: 'EU',
        action: 'bench.entry',
        targetId: `t${i}`,
        dataText: `{"i": ${i}}`,
        prevHash: prev,
      };
      const hash = entryHash(entry);
      rows.push({
        at: new Date((at + i * 1000) / 1000).toISOString(),
        party: 'EU',
        action: 'bench.entry',
        target_id: `t${i}`,
        data: { i },
        seq,
        prev_hash: prev,
        hash,
      });
      prev = hash;
    }
    await store.db.execute(sql`insert into audit_log (at, party, action, target_id, data, seq, prev_hash, hash)
      select at, party, action, target_id, data, seq, prev_hash, hash from json_populate_recordset(null::audit_log, ${JSON.stringify(rows)}::json)`);
  }
  await store.db.execute(sql`update audit_chain_head set seq = ${seq}, hash = ${prev}`);
  await store.db.execute(sql`analyze`);
  log(`seeded ${m} audit entries in ${seconds(t).toFixed(1)} s`);

  t = performance.now();
  const report = await verifyAuditChain(store.db);
  const verifyS = seconds(t);
  if (!report.ok) throw new Error(`chain does not verify: ${JSON.stringify(report.problem)}`);
  log(`verified ${report.entries} entries in ${verifyS.toFixed(1)} s`);

  t = performance.now();
  const archive = join(dir, 'eu.tar.gz');
  const manifest = await exportParty(store.db, 'EU', archive);
  const exportS = seconds(t);
  const exported = manifest.files.find((f) => f.kind === 'tickets')!.rows;
  log(`exported ${exported} tickets in ${exportS.toFixed(1)} s (${(statSync(archive).size / 1e6).toFixed(1)} MB)`);

  t = performance.now();
  const backup = await backupStore(store.db, join(dir, 'backup.gz'));
  const backupS = seconds(t);
  log(`backed up ${backup.rows} rows in ${backupS.toFixed(1)} s (${(backup.bytes / 1e6).toFixed(1)} MB)`);
  await store.close();

  const target = await openStore({ dataDir: join(dir, 'target') });
  t = performance.now();
  const imported = await importArchive(target.db, archive);
  const importS = seconds(t);
  log(`imported ${imported.rows.tickets} tickets in ${importS.toFixed(1)} s`);
  await target.close();

  console.log(
    JSON.stringify({
      bench: 'evidence',
      tickets: n,
      auditEntries: report.entries,
      exportTicketsPerS: Math.round(exported / exportS),
      importTicketsPerS: Math.round((imported.rows.tickets ?? 0) / importS),
      verifyEntriesPerS: Math.round(report.entries / verifyS),
      backupS: Number(backupS.toFixed(1)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
