/**
 * The evidence benchmark's store, prepared in a process of its own (creating a PGlite store runs
 * initdb, whose WebAssembly heap peaks near 900 MB: that is the store's creation, not the work
 * measured): the demo, N tickets with two events each and M chained audit entries.
 * Usage: node --import tsx bench/evidence-seed.ts DIR N M
 */
import { sql } from 'drizzle-orm';
import { entryHash, GENESIS_HASH } from '../src/domain/audit-chain.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { openStore } from '../src/store/db.ts';
import { instanceId } from '../src/store/instance.ts';

const [dataDir, nText, mText] = process.argv.slice(2);
const n = Number(nText);
const m = Number(mText);
const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (from: number) => (performance.now() - from) / 1000;

const store = await openStore({ dataDir });
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

await store.close();
