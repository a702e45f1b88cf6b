import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { contactLine, contactStatus } from '../../domain/contacts.ts';
import { levelsCoveredBy, type Sensitivity } from '../../domain/sensitivity.ts';
import type { Db } from '../../store/db.ts';
import { contactPoints } from '../../store/schema/index.ts';

/**
 * CBM-1 / PARTY-4: the party's directory contact for an escalation level, to be named on the
 * escalation: a confirmed (not stale) entry for that level, no more sensitive than the ticket
 * (everyone who reads the ticket may read it), the most recently confirmed. Null when none.
 */
export async function escalationContact(
  db: Db,
  party: string,
  level: number,
  ticketSensitivity: Sensitivity,
  now: Date,
): Promise<string | null> {
  const rows = await db
    .select()
    .from(contactPoints)
    .where(
      and(
        eq(contactPoints.partyId, party),
        eq(contactPoints.escalationLevel, level),
        isNull(contactPoints.removedAt),
        inArray(contactPoints.sensitivity, levelsCoveredBy(ticketSensitivity)),
      ),
    )
    .orderBy(desc(contactPoints.confirmedAt));
  const live = rows.find((r) => contactStatus(r.confirmedAt, now) !== 'stale');
  return live ? contactLine(live) : null;
}
