import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckpoint, verifyAgainstCheckpoint } from '../../src/services/audit/checkpoints.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-chain.ts';
import type { Store } from '../../src/store/db.ts';
import { writeAudit } from '../../src/store/ticket-writes.ts';
import { freshStore, STORE_KINDS } from '../helpers/store.ts';

/** Re-chains every entry from scratch, as someone with database access would after rewriting history. */
const rechain = sql`
  do $$
  declare r record; s bigint := 0; h text := repeat('0', 64); e text;
  begin
    for r in select * from audit_log order by seq loop
      e := encode(sha256(convert_to(audit_canonical(s + 1, r.at, r.actor_id, r.party, r.action, r.target_id, r.data, h), 'UTF8')), 'hex');
      update audit_log set seq = -(s + 1), prev_hash = h, hash = e where id = r.id;
      s := s + 1; h := e;
    end loop;
    update audit_log set seq = -seq;
    update audit_chain_head set seq = s, hash = h;
  end $$`;

async function seqOf(store: Store, target: string): Promise<number> {
  const result = await store.db.execute(sql`select seq::int as seq from audit_log where target_id = ${target}`);
  return Number((result as unknown as { rows: { seq: number }[] }).rows[0]!.seq);
}

describe.each(STORE_KINDS)('audit chain (%s)', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore(kind);
    for (let i = 0; i < 14; i++)
      await writeAudit(store.db, {
        actorId: null,
        party: 'EU',
        action: 'test.entry',
        targetId: `t${i}`,
        data: { i, note: 'é"\n' },
      });
  });
  afterEach(() => store.close());

  it('chains every entry at commit, including those written by concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.db.transaction(async (tx) => {
          await writeAudit(tx, {
            actorId: null,
            party: 'CH',
            action: 'test.concurrent',
            data: { i, nested: { b: 1, a: [1.5, null] } },
          });
          await writeAudit(tx, { actorId: null, party: 'CH', action: 'test.concurrent2', data: {} });
        }),
      ),
    );
    const report = await verifyAuditChain(store.db, undefined, 7);
    expect(report.problem).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.entries).toBe(report.head.seq);
    expect(report.entries).toBe(54);
  });

  it('verifies entries whose text holds the separators of a read batch or the old null mark, and still finds an alteration after them', async () => {
    const awkward = ['a\x1fb', 'c\x1ed', '\\N', '', '\x1f', 'say "hi"', 'back\\slash', 'tab\there', 'ü ✓ 𝄞'];
    for (const text of awkward)
      await writeAudit(store.db, {
        actorId: null,
        party: text,
        action: `test.${text}`,
        targetId: text,
        data: { text },
      });
    await store.db.execute(sql`insert into audit_log (action, data) values ('test.null', '{}')`);
    await writeAudit(store.db, { actorId: null, party: 'EU', action: 'test.last', targetId: 'last', data: {} });
    // In batches of 4, 5 and 1 000: the awkward entries fall alone, among others and across batches.
    for (const size of [4, 5, 1000]) {
      const report = await verifyAuditChain(store.db, undefined, size);
      expect(report.problem, String(size)).toBeNull();
      expect(report.entries).toBe(25);
    }
    await store.db.execute(sql`update audit_log set data = '{"x": 1}' where target_id = 'last'`);
    expect((await verifyAuditChain(store.db, undefined, 4)).problem).toMatchObject({
      kind: 'altered',
      seq: await seqOf(store, 'last'),
    });
  });

  it('names the first entry altered, removed or reordered', async () => {
    await store.db.execute(
      sql`update audit_log set data = '{"i": 99}' where action = 'test.entry' and target_id = 't12'`,
    );
    await store.db.execute(sql`update audit_log set party = 'CH' where action = 'test.entry' and target_id = 't20'`);
    const altered = (await store.db.execute(
      sql`select seq::int as seq from audit_log where target_id = 't12'`,
    )) as unknown as {
      rows: { seq: number }[];
    };
    const report = await verifyAuditChain(store.db, undefined, 4);
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ kind: 'altered', seq: altered.rows[0]!.seq });
  });

  it('names the entry before a link when it was rewritten together with its hash', async () => {
    const seq = await seqOf(store, 't6');
    await store.db.execute(sql`
      update audit_log set data = '{"i": 1000}', hash = encode(sha256(convert_to(audit_canonical(seq, at, actor_id, party,
        action, target_id, '{"i": 1000}'::jsonb, prev_hash), 'UTF8')), 'hex') where target_id = 't6'`);
    expect((await verifyAuditChain(store.db)).problem).toMatchObject({ kind: 'altered', seq });
  });

  it('detects a removed entry and one at the end of the chain', async () => {
    await store.db.execute(sql`delete from audit_log where target_id = 't5'`);
    const removed = await verifyAuditChain(store.db);
    expect(removed.problem?.kind).toBe('removed');
    const seq5 = removed.problem!.seq;
    expect(seq5).toBeGreaterThan(1);
    // Removing only the last entries is caught by the head.
    const store2 = store;
    await store2.db.execute(sql`delete from audit_log where seq >= ${seq5 - 1}`);
    const tail = await verifyAuditChain(store2.db);
    expect(tail.problem).toMatchObject({ kind: 'removed', seq: seq5 - 1 });
  });

  it('detects reordered entries', async () => {
    await store.db.execute(sql`
      update audit_log set seq = case when target_id = 't3' then -1 else seq end where target_id = 't3'`);
    await store.db.execute(sql`
      update audit_log set seq = seq - 1 where seq = (select seq from audit_log where target_id = 't4')`);
    await store.db.execute(sql`
      update audit_log set seq = (select seq + 1 from audit_log where target_id = 't4') where target_id = 't3'`);
    // t4 now stands where t3 stood; the entry that belongs there (t3) is one further.
    const position = await seqOf(store, 't4');
    const report = await verifyAuditChain(store.db);
    expect(report.problem).toMatchObject({ kind: 'reordered', seq: position, foundAt: position + 1 });
  });

  it('detects a rewritten and re-chained history against a signed checkpoint an auditor kept', async () => {
    const checkpoint = (await createCheckpoint(store.db))!;
    expect((await verifyAgainstCheckpoint(store.db, checkpoint)).chain.ok).toBe(true);
    expect((await verifyAgainstCheckpoint(store.db, checkpoint)).signatureValid).toBe(true);
    await store.db.execute(sql`delete from audit_log where target_id = 't7'`);
    await store.db.execute(rechain);
    // The chain is consistent again on its own …
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
    // … but not with what the auditor holds, neither shorter nor once grown again.
    expect((await verifyAgainstCheckpoint(store.db, checkpoint)).chain.problem).toMatchObject({
      kind: 'checkpoint_mismatch',
      seq: checkpoint.seq,
    });
    for (let i = 0; i < 3; i++)
      await writeAudit(store.db, { actorId: null, party: 'EU', action: 'test.more', data: {} });
    const check = await verifyAgainstCheckpoint(store.db, checkpoint);
    expect(check.chain.ok).toBe(false);
    expect(check.chain.problem).toMatchObject({ kind: 'checkpoint_mismatch', seq: checkpoint.seq });
    // A forged checkpoint does not carry the instance's signature.
    const forged = await verifyAgainstCheckpoint(store.db, { ...checkpoint, headHash: check.chain.head.hash });
    expect(forged.signatureValid).toBe(false);
  });

  it('adds the daily checkpoint once per day, whichever node asks', async () => {
    const now = new Date();
    const results = await Promise.all(
      [1, 2, 3].map(() => createCheckpoint(store.db, { now, ifOlderThanMs: 86_400_000 })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
