// temp profiling: node --import tsx bench/_verify.mts DIR (store prepared by evidence bench --keep not available; seed here)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { entryHash, GENESIS_HASH } from '../src/domain/audit-chain.ts';
import { openStore } from '../src/store/db.ts';
import { readChainBatch, readChainHead } from '../src/store/audit.ts';
import { verifyAuditChain } from '../src/services/audit/verify-chain.ts';
const m = Number(process.argv[2] ?? 200000);
const store = await openStore({ dataDir: join(mkdtempSync(join(tmpdir(), 'pv-')), 's') });
const head = (await store.db.execute(sql`select seq::int as seq, hash from audit_chain_head`)) as unknown as { rows: { seq: number; hash: string }[] };
let seq = head.rows[0]!.seq; let prev = head.rows[0]!.hash ?? GENESIS_HASH;
const at = Date.parse('2026-10-01T00:00:00Z') * 1000;
for (let from = 0; from < m; from += 10_000) {
  const rows = [];
  for (let i = from; i < Math.min(m, from + 10_000); i++) {
    seq++;
    const e = { seq, atMicros: String(at + i * 1000), actorId: null, party: 'EU', action: 'bench.entry', targetId: `t${i}`, dataText: `{"i": ${i}}`, prevHash: prev };
    const hash = entryHash(e);
    rows.push({ at: new Date((at + i * 1000) / 1000).toISOString(), party: 'EU', action: 'bench.entry', target_id: `t${i}`, data: { i }, seq, prev_hash: prev, hash });
    prev = hash;
  }
  await store.db.execute(sql`insert into audit_log (at, party, action, target_id, data, seq, prev_hash, hash) select at, party, action, target_id, data, seq, prev_hash, hash from json_populate_recordset(null::audit_log, ${JSON.stringify(rows)}::json)`);
}
await store.db.execute(sql`update audit_chain_head set seq = ${seq}, hash = ${prev}`);
await store.db.execute(sql`analyze`);
for (const batch of [5000, 20000]) {
  let t = performance.now(); let after = 0; let n = 0;
  for (;;) { const r = await readChainBatch(store.db, after, seq, batch); n += r.length; if (r.length < batch) break; after = r.at(-1)!.seq; }
  const readS = (performance.now() - t) / 1000;
  t = performance.now();
  const rep = await verifyAuditChain(store.db, undefined, batch);
  console.log({ batch, n, readS, readPerS: Math.round(n / readS), verifyS: (performance.now() - t) / 1000, perS: Math.round(rep.entries / ((performance.now() - t) / 1000)), ok: rep.ok });
}
await store.close();
