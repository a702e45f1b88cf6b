/**
 * SLA benchmark (issue: service levels): seeds N open incidents with their SLA facts on the
 * embedded store, then times (1) the SLA state of every open ticket, as the SLA job computes
 * it, and (2) the monthly compliance report over all of them. Prints one JSON line.
 * Usage: node --import tsx bench/sla.ts [--tickets N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { scanOpenSla } from '../src/jobs/sla-monitor.ts';
import { actorOf } from '../src/services/auth/actor.ts';
import { complianceReport } from '../src/services/reports/compliance-report.ts';
import { openStore, vacuumIfEmbedded } from '../src/store/db.ts';
import { findUserByName } from '../src/store/directory.ts';
import { instanceId } from '../src/store/instance.ts';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '100000' } }, allowPositionals: true });
const n = Number(values.tickets);
const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-sla-'));
const log = (message: string) => process.stderr.write(`${message}\n`);

try {
  const store = await openStore({ dataDir: dir });
  await seedDemo(store.db, await instanceId(store.db));
  const seedStart = performance.now();
  const monthStart = Date.parse('2026-10-01T00:00:00+02:00');
  const step = Math.floor((31 * 86_400_000) / n);
  // Open incidents spread over October 2026: half intervened after an hour, a third transferred
  // to CH, a quarter pending; every one with the facts its timeline would have produced.
  await store.db.execute(sql`
    INSERT INTO tickets (id, ref, type, owner_party, holder_party, participants, title, description, service,
      impact, criticality, priority, sensitivity, status, channel, sla_facts, created_at, updated_at)
    SELECT gen_random_uuid(), 'EU-INC-2026-' || lpad(g::text, 7, '0'), 'incident', 'EU', CASE WHEN g % 3 = 0 THEN 'CH' ELSE 'EU' END, ARRAY['EU','CH'],
      'Bench ticket ' || g, '', 'Link', 'I2', 'C2', 'P' || (1 + g % 5), 'LIMITED', CASE WHEN g % 4 = 0 THEN 'pending' ELSE 'in_progress' END, 'api',
      jsonb_build_object(
        'openedAt', t,
        'firstInterventionAt', CASE WHEN g % 2 = 0 THEN t + 3600000 ELSE NULL END,
        'segments', jsonb_build_array(
          jsonb_build_object('at', t, 'status', 'recorded', 'holder', 'EU', 'priority', 'P' || (1 + g % 5)),
          jsonb_build_object('at', t + 3600000, 'status', 'in_progress', 'holder', CASE WHEN g % 3 = 0 THEN 'CH' ELSE 'EU' END, 'priority', 'P' || (1 + g % 5)),
          jsonb_build_object('at', t + 7200000,
            'status', CASE WHEN g % 4 = 0 THEN 'pending' ELSE 'in_progress' END,
            'holder', CASE WHEN g % 3 = 0 THEN 'CH' ELSE 'EU' END, 'priority', 'P' || (1 + g % 5)))),
      to_timestamp(t / 1000.0), to_timestamp(t / 1000.0)
    FROM (SELECT g, ${monthStart}::bigint + g::bigint * ${step} AS t FROM generate_series(1, ${n}) g) s`);
  // As `passerelle serve` does at start: planner statistics for the embedded store.
  await vacuumIfEmbedded(store, { analyze: true });
  const seedS = (performance.now() - seedStart) / 1000;
  log(`seeded ${n} tickets in ${seedS.toFixed(1)} s`);

  const now = new Date('2026-11-23T12:00:00Z');
  let levels = { ok: 0, warning: 0, breached: 0 };
  const scanStart = performance.now();
  const scanned = await scanOpenSla(store.db, now, (_row, state) => {
    if (state) levels = { ...levels, [state.level]: levels[state.level] + 1 };
  });
  const slaStateMs = performance.now() - scanStart;
  log(`SLA state of ${scanned} open tickets in ${slaStateMs.toFixed(0)} ms: ${JSON.stringify(levels)}`);

  const auditor = actorOf((await findUserByName(store.db, 'eu.auditor'))!);
  const reportStart = performance.now();
  const report = await complianceReport(store.db, auditor, 'EU', '2026-10', now.getTime());
  const reportMs = performance.now() - reportStart;
  const counted = report.rows.reduce((sum, r) => sum + r.tickets + r.pending, 0);
  log(`compliance report over ${counted} tickets in ${reportMs.toFixed(0)} ms`);
  await store.close();
  console.log(
    JSON.stringify({
      bench: 'sla',
      tickets: n,
      seed_s: Math.round(seedS * 10) / 10,
      sla_state_ms: Math.round(slaStateMs),
      sla_state_tickets: scanned,
      compliance_report_ms: Math.round(reportMs),
      compliance_report_tickets: counted,
      rss_mb: Math.round(process.memoryUsage().rss / 1_048_576),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
