import { and, eq, inArray } from 'drizzle-orm';
import { consultationOverdue } from '../../domain/processes.ts';
import type { Db } from '../../store/db.ts';
import { tickets } from '../../store/schema/index.ts';
import { remindOnce } from '../cbm/remind-once.ts';
import { parsedTicket } from '../../store/ticket-reads.ts';
import { detailsOf } from '../write-path/details.ts';
import { tellConsultedDesk } from './tell-consulted-desk.ts';

/**
 * CBM-5: a consultation whose acknowledgement or answer deadline has passed unmet is brought to
 * the consulted party's desk once per deadline (claimed by the `cbm_reminders` insert). The
 * notification is tied to the ticket, so only people who may read it ever see it — the parties
 * involved, cleared for its level. Returns how many reminders were sent.
 */
export async function remindConsultations(db: Db, now: Date, mail: boolean): Promise<number> {
  const open = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.type, 'consultation'), inArray(tickets.status, ['requested', 'acknowledged'])));
  let sent = 0;
  for (const raw of open) {
    const ticket = parsedTicket(raw);
    const details = detailsOf(ticket, 'consultation');
    const late = consultationOverdue(details, now.getTime());
    if (!late) continue;
    const claimed = await remindOnce(db, `consultation:${ticket.id}:${late}`, now, async (tx) => {
      const dueAt = late === 'acknowledgement' ? details.acknowledgeBy : details.answerBy;
      const what =
        late === 'acknowledgement'
          ? { what_en: 'Consultation to acknowledge', what_fr: 'Accusé de réception de consultation attendu' }
          : { what_en: 'Consultation to answer', what_fr: 'Réponse à une consultation attendue' };
      await tellConsultedDesk(tx, ticket, details, what, 'consultation_due', dueAt, now, mail);
    });
    if (claimed) sent++;
  }
  return sent;
}
