import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { assertOwnRecord } from '../../policies/shared-records.ts';
import { contactPoints } from '../../store/schema/index.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import type { ContactChangeRow } from './read-contacts.ts';
import { getContact } from './read-contacts.ts';
import { recordContactChange } from './record-contact-change.ts';
import { CONTACT_KEEPERS } from './save-contact.ts';

/**
 * CBM-1: a change of state of one of the party's own entries that is still listed (confirmed,
 * removed), in one transaction: the row gets `set` and a new version, the change is recorded.
 */
export async function changeOwnContact(
  ctx: ServiceContext,
  id: string,
  kind: ContactChangeRow['kind'],
  set: (now: Date) => Partial<typeof contactPoints.$inferInsert>,
  changes: (now: Date) => ContactChangeRow['changes'],
) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const contact = await getContact(tx, ctx, id);
    assertOwnRecord(ctx.actor, contact, CONTACT_KEEPERS);
    if (contact.removedAt) throw new AppError('cbm.state_invalid', undefined, { state: 'removed' });
    const [row] = await tx
      .update(contactPoints)
      .set({ ...set(now), version: contact.version + 1, updatedAt: now })
      .where(eq(contactPoints.id, id))
      .returning();
    await recordContactChange(tx, ctx, row!, kind, changes(now), now);
    return row!;
  });
}
