import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { contactStatus, confirmationDue } from '../../domain/contacts.ts';
import { sharedRecordVisibleTo } from '../../policies/shared-records.ts';
import type { Db } from '../../store/db.ts';
import { contactPointChanges, contactPoints } from '../../store/schema/index.ts';
import { oneVisibleSharedRecord } from '../../store/shared-records.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';

export type ContactRow = typeof contactPoints.$inferSelect;
export type ContactChangeRow = typeof contactPointChanges.$inferSelect;

/** A contact with its confirmation state at `now`. */
export function withStatus(row: ContactRow, now: Date) {
  return { ...row, status: contactStatus(row.confirmedAt, now), confirmationDue: confirmationDue(row.confirmedAt) };
}

/** CBM-1: the directory (every party, or one) as far as the actor's clearance goes. */
export async function listContacts(ctx: ServiceContext, party?: string) {
  const rows = await ctx.db
    .select()
    .from(contactPoints)
    .where(
      and(
        isNull(contactPoints.removedAt),
        sharedRecordVisibleTo(ctx.actor, contactPoints.sensitivity),
        party ? eq(contactPoints.partyId, party) : undefined,
      ),
    )
    .orderBy(asc(contactPoints.partyId), asc(contactPoints.level), asc(contactPoints.createdAt));
  const now = nowOf(ctx);
  return rows.map((r) => withStatus(r, now));
}

/** One entry the actor may read (removed ones too: their history stays), or 404. */
export async function getContact(db: Db, ctx: ServiceContext, id: string): Promise<ContactRow> {
  return oneVisibleSharedRecord(ctx.actor, contactPoints, db.select().from(contactPoints).$dynamic(), id);
}

/** CBM-1: the changes to the entries the actor may read, newest first (what the other parties were told). */
export async function listContactChanges(ctx: ServiceContext, contactId?: string) {
  const visible = ctx.db
    .select({ id: contactPoints.id })
    .from(contactPoints)
    .where(sharedRecordVisibleTo(ctx.actor, contactPoints.sensitivity));
  return ctx.db
    .select()
    .from(contactPointChanges)
    .where(
      and(
        inArray(contactPointChanges.contactId, visible),
        contactId ? eq(contactPointChanges.contactId, contactId) : undefined,
      ),
    )
    .orderBy(desc(contactPointChanges.at), desc(contactPointChanges.id))
    .limit(200);
}
