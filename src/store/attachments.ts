import { and, asc, eq, inArray } from 'drizzle-orm';
import { levelsCoveredBy, type Sensitivity } from '../domain/sensitivity.ts';
import type { Db } from './db.ts';
import { attachments } from './schema/index.ts';

const META = {
  id: attachments.id,
  ticketId: attachments.ticketId,
  name: attachments.name,
  mediaType: attachments.mediaType,
  size: attachments.size,
  sha256: attachments.sha256,
  sensitivity: attachments.sensitivity,
  party: attachments.party,
  createdAt: attachments.createdAt,
};
export type AttachmentMeta = { [K in keyof typeof META]: (typeof META)[K]['_']['data'] };

export async function insertAttachment(db: Db, values: typeof attachments.$inferInsert): Promise<AttachmentMeta> {
  const rows = await db.insert(attachments).values(values).returning(META);
  return rows[0]!;
}

/** The attachments of a ticket (already known visible) whose own level the reader's clearance covers. */
export function attachmentsOf(db: Db, ticketId: string, clearance: Sensitivity): Promise<AttachmentMeta[]> {
  return db
    .select(META)
    .from(attachments)
    .where(and(eq(attachments.ticketId, ticketId), inArray(attachments.sensitivity, levelsCoveredBy(clearance))))
    .orderBy(asc(attachments.createdAt));
}

export async function attachmentContent(db: Db, ticketId: string, id: string, clearance: Sensitivity) {
  const rows = await db
    .select({ ...META, content: attachments.content })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, id),
        eq(attachments.ticketId, ticketId),
        inArray(attachments.sensitivity, levelsCoveredBy(clearance)),
      ),
    );
  return rows[0] ?? null;
}
