import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ContactLevel } from '../domain/contacts.ts';
import type { Db } from './db.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { contactPoints, exchanges, users, vulnerabilityNotices } from './schema/index.ts';

export type ContactPointRow = typeof contactPoints.$inferSelect;

/** A party's directory entries (not removed) at one level, or for one escalation level. */
export async function partyContacts(
  db: Db,
  party: string,
  at: { level: ContactLevel } | { escalationLevel: number },
): Promise<ContactPointRow[]> {
  return db
    .select()
    .from(contactPoints)
    .where(
      and(
        eq(contactPoints.partyId, party),
        'level' in at ? eq(contactPoints.level, at.level) : eq(contactPoints.escalationLevel, at.escalationLevel),
        isNull(contactPoints.removedAt),
      ),
    );
}

/** One entry, removed or not. */
export async function findContactPoint(db: Db, id: string): Promise<ContactPointRow | null> {
  const rows = await db.select().from(contactPoints).where(eq(contactPoints.id, id));
  return rows[0] ?? null;
}

/** An information exchange or vulnerability notice as an outside contact may be told of it. */
export async function sharedRecordOf(
  db: Db,
  kind: 'exchange' | 'vulnerability',
  id: string,
): Promise<{ partyId: string; title: string; sensitivity: Sensitivity } | null> {
  const table = kind === 'exchange' ? exchanges : vulnerabilityNotices;
  const rows = await db
    .select({ partyId: table.partyId, title: table.title, sensitivity: table.sensitivity })
    .from(table)
    .where(eq(table.id, id));
  return rows[0] ?? null;
}

/** The active account of a party with this e-mail address (case ignored), if any. */
export async function partyUserByEmail(db: Db, party: string, email: string): Promise<string | null> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.partyId, party), eq(users.active, true), sql`lower(${users.email}) = lower(${email})`))
    .limit(1);
  return rows[0]?.id ?? null;
}
