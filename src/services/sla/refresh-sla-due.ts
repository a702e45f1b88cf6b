import type { Db } from '../../store/db.ts';
import { readSetting, writeSettingOnce } from '../../store/instance.ts';
import { nextTurn } from '../../store/next-turn.ts';
import { lockSlaDueBatch, setSlaDues, type SlaDueScope } from '../../store/sla-due.ts';
import { slaDueAtsOf } from './sla-due.ts';
import { SLA_TYPES } from './ticket-sla.ts';

const BATCH = 200;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Recomputes `sla_due_at` of the tickets whose clocks may run, in `scope`: a party's after its
 * calendar, targets or maintenance windows changed (job `sla_due_refresh`), or those never computed
 * (the start-up backfill). Batches of 200 by id, each one short transaction holding its rows' locks,
 * yielding to the event loop between batches, so requests are never stalled for long (PGlite answers
 * on this thread) and a concurrent change is never overwritten by an older value. Safe to run
 * twice or on several nodes at once. Returns how many tickets it went through.
 */
export async function refreshSlaDue(db: Db, scope: SlaDueScope, now = new Date()): Promise<number> {
  let after = FIRST_ID;
  let total = 0;
  for (;;) {
    const seen = await db.transaction(async (tx) => {
      const rows = await lockSlaDueBatch(tx, scope, [...SLA_TYPES], after, BATCH);
      if (rows.length === 0) return 0;
      await setSlaDues(tx, [...(await slaDueAtsOf(tx, rows, now))]);
      after = rows.at(-1)!.id;
      return rows.length;
    });
    total += seen;
    if (seen < BATCH) return total;
    await nextTurn();
  }
}

const BACKFILLED = 'sla_due_backfilled';

/**
 * The start-up backfill of the tickets written before `sla_due_at` existed (migration 0014), once
 * per store: every later write computes the column, so a ticket whose due instant is null because no
 * clock runs is not gone through again at each start (on 1,000,000 tickets that was minutes of
 * updates holding the embedded store). A start stopped half-way does it again at the next one.
 */
export async function backfillSlaDueOnce(db: Db, now = new Date()): Promise<number> {
  if (await readSetting<string>(db, BACKFILLED)) return 0;
  const total = await refreshSlaDue(db, { unset: true }, now);
  await recordSlaDueBackfilled(db, now);
  return total;
}

/** Records that every ticket of the store has its `sla_due_at` (a bulk load that writes it says so too). */
export async function recordSlaDueBackfilled(db: Db, now = new Date()): Promise<void> {
  await writeSettingOnce(db, BACKFILLED, now.toISOString());
}
