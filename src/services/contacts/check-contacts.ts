import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { confirmationDue, CONFIRMATION_DAYS, REMINDER_DAYS } from '../../domain/contacts.ts';
import type { Db } from '../../store/db.ts';
import { contactPoints } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { notifyParties, WHAT } from '../cbm/notify-parties.ts';
import { CONTACT_KEEPERS } from './save-contact.ts';

const DAY = 86_400_000;

/**
 * CBM-1 background check: an entry within 30 days of its yearly confirmation reminds its
 * party's keepers once; a lapsed (stale) entry is flagged once to both sides — its keepers and
 * the other parties. Each is stamped with the confirmation it was sent for, under the row's lock
 * (FOR UPDATE SKIP LOCKED), so a later tick, a restart or another node never sends it twice and a
 * missed tick is caught up. Returns how many entries were reminded and flagged.
 */
export async function checkContacts(db: Db, now: Date = new Date()): Promise<{ reminded: number; flagged: number }> {
  const remindBefore = new Date(now.getTime() - (CONFIRMATION_DAYS - REMINDER_DAYS) * DAY);
  const candidates = await db
    .select({ id: contactPoints.id })
    .from(contactPoints)
    .where(
      and(
        isNull(contactPoints.removedAt),
        lt(contactPoints.confirmedAt, remindBefore),
        or(
          isNull(contactPoints.remindedFor),
          sql`${contactPoints.remindedFor} <> ${contactPoints.confirmedAt}`,
          isNull(contactPoints.staleFlaggedFor),
          sql`${contactPoints.staleFlaggedFor} <> ${contactPoints.confirmedAt}`,
        ),
      ),
    );
  let reminded = 0;
  let flagged = 0;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(contactPoints)
        .where(eq(contactPoints.id, id))
        .for('update', { skipLocked: true });
      if (!row || row.removedAt) return null;
      const due = confirmationDue(row.confirmedAt);
      const params = { party: row.partyId, title: `${row.level}: ${row.name}`, path: '/contacts' };
      const confirmedAt = row.confirmedAt.getTime();
      // Its own keepers are told both when the entry is due and when it has lapsed.
      const remindKeepers = () =>
        notifyParties(
          tx,
          {
            kind: 'cbm_due',
            parties: { only: [row.partyId] },
            roles: CONTACT_KEEPERS,
            sensitivity: row.sensitivity,
            params: { ...WHAT.contact_stale, ...params, dueAt: due.toISOString().slice(0, 10) },
          },
          now,
        );
      if (due <= now) {
        if (row.staleFlaggedFor?.getTime() === confirmedAt) return null;
        await remindKeepers();
        await notifyParties(
          tx,
          {
            kind: 'cbm_shared',
            parties: { except: row.partyId },
            sensitivity: row.sensitivity,
            params: { ...WHAT.contact_stale, ...params },
          },
          now,
        );
        await tx
          .update(contactPoints)
          .set({ staleFlaggedFor: row.confirmedAt, remindedFor: row.confirmedAt })
          .where(eq(contactPoints.id, id));
        await writeAudit(tx, { actorId: null, party: row.partyId, action: 'contact.stale', targetId: id }, now);
        return 'flagged' as const;
      }
      if (row.remindedFor?.getTime() === confirmedAt) return null;
      await remindKeepers();
      await tx.update(contactPoints).set({ remindedFor: row.confirmedAt }).where(eq(contactPoints.id, id));
      return 'reminded' as const;
    });
    if (done === 'reminded') reminded++;
    if (done === 'flagged') flagged++;
  }
  return { reminded, flagged };
}
