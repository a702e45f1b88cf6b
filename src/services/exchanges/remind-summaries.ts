import { and, eq } from 'drizzle-orm';
import { summaryDue, summaryReminderDue } from '../../domain/exchanges.ts';
import type { Db } from '../../store/db.ts';
import { exchanges, parties } from '../../store/schema/index.ts';
import { notifyParties, WHAT } from '../cbm/notify-parties.ts';
import { remindOnce } from '../cbm/remind-once.ts';
import { EXCHANGE_WRITERS } from './submit-exchange.ts';

/**
 * CBM-3: from 45 days before the yearly summary is due, each local party that has not
 * submitted it is reminded once (the `cbm_reminders` row claimed by the insert, in the same
 * transaction, so nodes and restarts never send it twice). Returns how many parties.
 */
export async function remindSummaries(db: Db, now: Date): Promise<number> {
  if (!summaryReminderDue(now)) return 0;
  const year = now.getUTCFullYear();
  const locals = await db.select({ id: parties.id }).from(parties).where(eq(parties.kind, 'local'));
  let sent = 0;
  for (const { id } of locals) {
    const [done] = await db
      .select({ id: exchanges.id })
      .from(exchanges)
      .where(and(eq(exchanges.partyId, id), eq(exchanges.kind, 'yearly_summary'), eq(exchanges.year, year)));
    if (done) continue;
    const claimed = await remindOnce(db, `summary:${id}:${year}`, now, (tx) =>
      notifyParties(
        tx,
        {
          kind: 'cbm_due',
          parties: { only: [id] },
          roles: EXCHANGE_WRITERS,
          sensitivity: 'LIMITED',
          params: {
            ...WHAT.yearly_summary,
            title: `${id} ${year}`,
            dueAt: summaryDue(year).toISOString().slice(0, 10),
            path: '/exchanges',
          },
        },
        now,
      ),
    );
    if (claimed) sent++;
  }
  return sent;
}
