import { enqueueJob } from '../../store/jobs.ts';
import type { Db } from '../../store/db.ts';
import { bumpSlaStamp } from '../../store/sla.ts';
import { hasSlaDueTickets } from '../../store/sla-due.ts';
import { SLA_TYPES } from './ticket-sla.ts';

/**
 * Inside the transaction that changes a party's calendar, SLA targets or counted maintenance windows,
 * with no SLA read of the party between the change and this call (store/sla.ts caches what such a
 * read sees under the party's version): every node's cached settings of the party are re-read (its
 * stamp and row version change), and the next SLA due instant of
 * its open tickets is recomputed by the `sla_due_refresh` job once the change is committed (a party
 * with none, such as a new one, queues nothing).
 */
export async function slaSettingsChanged(tx: Db, partyId: string): Promise<void> {
  await bumpSlaStamp(tx, partyId);
  if (await hasSlaDueTickets(tx, partyId, [...SLA_TYPES])) await enqueueJob(tx, 'sla_due_refresh', { party: partyId });
}
