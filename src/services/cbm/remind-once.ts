import type { Db } from '../../store/db.ts';
import { cbmReminders } from '../../store/schema/index.ts';

/**
 * CBM-3, CBM-5, CBM-6: runs `send` once for `key`. The `cbm_reminders` row is claimed by the
 * insert in the same transaction, so nodes and restarts never send a reminder twice. True when sent now.
 */
export function remindOnce(db: Db, key: string, now: Date, send: (tx: Db) => Promise<unknown>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.insert(cbmReminders).values({ key, sentAt: now }).onConflictDoNothing().returning();
    if (rows.length === 0) return false;
    await send(tx);
    return true;
  });
}
