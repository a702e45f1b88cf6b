import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { assertOwnRecord } from '../../policies/shared-records.ts';
import { contactPoints } from '../../store/schema/index.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { getContact } from './read-contacts.ts';
import { recordContactChange } from './record-contact-change.ts';
import { CONTACT_KEEPERS } from './save-contact.ts';

/** CBM-1: an entry withdrawn; its history stays and the other parties are told. */
export async function removeContact(ctx: ServiceContext, id: string) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const contact = await getContact(tx, ctx, id);
    assertOwnRecord(ctx.actor, contact, CONTACT_KEEPERS);
    if (contact.removedAt) throw new AppError('cbm.state_invalid', undefined, { state: 'removed' });
    const [row] = await tx
      .update(contactPoints)
      .set({ removedAt: now, version: contact.version + 1, updatedAt: now })
      .where(eq(contactPoints.id, id))
      .returning();
    await recordContactChange(tx, ctx, row!, 'removed', { removedAt: { from: null, to: now.toISOString() } }, now);
    return row!;
  });
}
